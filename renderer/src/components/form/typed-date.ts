import { isValidIsoDate } from '../../../../shared/domain/validation/dates.js';

/** How every date field shows its date (dayjs tokens): 09.03.1980, as on the printed documents. */
export const DATE_INPUT_FORMAT = 'DD.MM.YYYY';

const DAY_FIRST = /^(\d{1,2})\s*[./\-\s,]\s*(\d{1,2})\s*[./\-\s,]\s*(\d{4})\s*(?:р\.?)?$/u;
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A date as an administrator types it, read day first, to `yyyy-mm-dd` (the value the forms and
 * the shared schemas hold): `09.03.1980`, `9.3.1980`, `09031980`, `09/03/1980`, `9-3-1980`,
 * `09.03.1980 р.`; a pasted `1980-03-09` too (the year first cannot be read the other way).
 * The year takes four digits, so a date being typed is not taken for year 198 halfway through.
 * Anything else, or a day that does not exist (`31.02.1980`), gives null.
 */
export function parseTypedDate(text: string): string | null {
  const typed = text.trim();
  const dayFirst = DAY_FIRST.exec(typed) ?? DIGITS_ONLY.exec(typed);
  const iso = dayFirst ? null : ISO.exec(typed);
  const [day, month, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (!day || !month || !year) return null;
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(value) ? value : null;
}
