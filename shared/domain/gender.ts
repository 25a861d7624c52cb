import type { Gender } from './person.js';

const MALE_PATRONYMIC = /[иі]ч$/u;
const FEMALE_PATRONYMIC = /(івна|ївна|ична)$/u;

/**
 * Gender from the patronymic, which is unambiguous in Ukrainian: -ович/-йович/-ич/-іч (Савич, Ілліч)
 * for men, -івна/-ївна/-ична (Кузьминична) for women. Null when there is none or it is unusual.
 * Shared so the printed household table can word a member's relation («підопічна») without the
 * declension library.
 */
export function genderFromPatronymic(patronymic: string | undefined): Gender | null {
  if (!patronymic) return null;
  const lower = patronymic.trim().toLocaleLowerCase('uk');
  if (FEMALE_PATRONYMIC.test(lower)) return 'female';
  if (MALE_PATRONYMIC.test(lower)) return 'male';
  return null;
}
