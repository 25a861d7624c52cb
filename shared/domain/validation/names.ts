import { z } from 'zod';
import { normalizeApostrophes, UKRAINIAN_APOSTROPHE } from '../text.js';

/**
 * Ukrainian personal names as they are printed on certificates: Ukrainian Cyrillic only, parts
 * joined by a hyphen (double surnames, «Ганна-Марія»), at most one apostrophe per part between
 * two letters, stored as the single code point U+02BC (ʼ, the orthographic apostrophe, via
 * shared/domain/text.ts), so «Мар'яна», «Мар’яна» and «Марʼяна» are one name in the register.
 */

const NAME_APOSTROPHE = UKRAINIAN_APOSTROPHE;

/** The apostrophe normalisation names use (one code point, U+02BC), for callers of this module. */
export { normalizeApostrophes as normalizeApostrophe } from '../text.js';

const UKRAINIAN_UPPER = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ';
const UKRAINIAN_LOWER = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';
const UKRAINIAN_LETTER = new RegExp(`^[${UKRAINIAN_UPPER}${UKRAINIAN_LOWER}]$`, 'u');
/** Letters of the Russian alphabet that Ukrainian does not have. */
const RUSSIAN_ONLY = /[ЫЭЪЁыэъё]/u;
const LATIN = /[A-Za-z\u00C0-\u024F]/u;
const DIGIT = /\p{Nd}/u;

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 60;

export type NameIssue =
  | 'validation.name.empty'
  | 'validation.name.tooShort'
  | 'validation.name.tooLong'
  | 'validation.name.digits'
  | 'validation.name.latinLetters'
  | 'validation.name.russianLetters'
  | 'validation.name.invalidCharacters'
  | 'validation.name.apostrophePosition'
  | 'validation.name.hyphenPosition'
  | 'validation.name.capitalisation';

function isLetter(char: string | undefined): boolean {
  return char !== undefined && UKRAINIAN_LETTER.test(char);
}

function characterIssue(value: string): NameIssue | undefined {
  if (DIGIT.test(value)) return 'validation.name.digits';
  // Latin look-alikes (e, o, i, c …) hide in names pasted from other systems: «Шевчeнко».
  if (LATIN.test(value)) return 'validation.name.latinLetters';
  if (RUSSIAN_ONLY.test(value)) return 'validation.name.russianLetters';
  for (const char of value) {
    if (!isLetter(char) && char !== '-' && char !== NAME_APOSTROPHE) return 'validation.name.invalidCharacters';
  }
  return undefined;
}

function partIssue(part: string): NameIssue | undefined {
  if (part.length === 0) return 'validation.name.hyphenPosition';
  const chars = [...part];
  const apostrophes = chars.filter((char) => char === NAME_APOSTROPHE).length;
  if (apostrophes > 1) return 'validation.name.apostrophePosition';
  const misplaced = chars.some(
    (char, i) => char === NAME_APOSTROPHE && !(isLetter(chars[i - 1]) && isLetter(chars[i + 1])),
  );
  return misplaced ? 'validation.name.apostrophePosition' : undefined;
}

/**
 * Each hyphen-separated part is written with a capital and then lower case. All-capitals (as
 * copied from an ID card) and all-lower-case input are brought to that form; a mixed case inside
 * a part («шЕвченко») is more likely a typo and is rejected.
 */
function capitalisePart(part: string): string | undefined {
  const lower = part.toLocaleLowerCase('uk');
  const upper = part.toLocaleUpperCase('uk');
  const titled = lower.charAt(0).toLocaleUpperCase('uk') + lower.slice(1);
  return part === titled || part === lower || part === upper ? titled : undefined;
}

export type NameCheck = { ok: true; value: string } | { ok: false; issue: NameIssue };

/** Checks and normalises one name (surname, given name or patronymic). */
export function checkUkrainianName(input: string): NameCheck {
  const value = normalizeApostrophes(input.normalize('NFC').trim());
  if (value.length === 0) return { ok: false, issue: 'validation.name.empty' };
  const badCharacter = characterIssue(value);
  if (badCharacter) return { ok: false, issue: badCharacter };
  const parts = value.split('-');
  const badPart = parts.map(partIssue).find((issue) => issue !== undefined);
  if (badPart) return { ok: false, issue: badPart };
  const letters = [...value].filter(isLetter).length;
  if (letters < NAME_MIN_LENGTH) return { ok: false, issue: 'validation.name.tooShort' };
  if (value.length > NAME_MAX_LENGTH) return { ok: false, issue: 'validation.name.tooLong' };
  const capitalised = parts.map(capitalisePart);
  if (capitalised.some((part) => part === undefined)) return { ok: false, issue: 'validation.name.capitalisation' };
  return { ok: true, value: capitalised.join('-') };
}

/** One Ukrainian name, normalised (apostrophe U+02BC, capitalised parts). */
export const ukrainianNameSchema = z.string().transform((input, ctx) => {
  const checked = checkUkrainianName(input);
  if (checked.ok) return checked.value;
  ctx.addIssue({ code: 'custom', message: checked.issue, input });
  return z.NEVER;
});

/**
 * One required part of a name whose empty value says which part is missing («Вкажіть прізвище»
 * under the surname, not a generic «Вкажіть імʼя»); every other issue as `ukrainianNameSchema`.
 */
function requiredNamePartSchema(emptyIssue: string) {
  return z.string().transform((input, ctx) => {
    const checked = checkUkrainianName(input);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.issue === 'validation.name.empty' ? emptyIssue : checked.issue, input });
    return z.NEVER;
  });
}

/** Empty or absent patronymic means "none" (foreigners, some documents). */
const optionalPatronymicSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return undefined;
    const checked = checkUkrainianName(value);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.issue, input: value });
    return z.NEVER;
  });

/** Form and IPC input of a person's name; the output fits `PersonName` (shared/domain/person.ts). */
export const personNameInputSchema = z.object({
  familyName: requiredNamePartSchema('validation.name.familyNameEmpty'),
  givenName: requiredNamePartSchema('validation.name.givenNameEmpty'),
  patronymic: optionalPatronymicSchema,
});
export type PersonNameInput = z.input<typeof personNameInputSchema>;

/**
 * Comparable form of a name: apostrophe variants unified, spacing collapsed, case folded. Used to
 * match a signer against the directory (R7.5), where a typo in case or apostrophe is no mismatch.
 */
export function nameComparisonKey(value: string): string {
  return normalizeApostrophes(value.normalize('NFC')).trim().replace(/\s+/g, ' ').toLocaleLowerCase('uk');
}
