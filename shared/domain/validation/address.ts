import { z } from 'zod';
import { normalizeApostrophes } from '../text.js';

/**
 * Addresses as printed on certificates. Settlement and street are Ukrainian text (street names may
 * hold numbers: «вул. 1 Травня»); house, building and apartment numbers follow the usual forms
 * `12`, `12-А`, `12/3`. A letter suffix is stored upper-case with a hyphen, so «12а» and «12-А»
 * are the same house in the register.
 */

const UKRAINIAN_LETTERS = 'А-ЩЬЮЯҐЄІЇа-щьюяґєії';
const PLACE_TEXT = new RegExp(`^[${UKRAINIAN_LETTERS}0-9 .,()\\u02BC-]+$`, 'u');
const HAS_LETTER = new RegExp(`[${UKRAINIAN_LETTERS}]`, 'u');
const CYRILLIC_SUFFIX = `[${UKRAINIAN_LETTERS}]`;

function tidy(value: string): string {
  return normalizeApostrophes(value.normalize('NFC')).trim().replace(/\s+/g, ' ');
}

function placeText(messageKey: string, max: number) {
  return z
    .string()
    .transform(tidy)
    .pipe(
      z
        .string()
        .min(2, `${messageKey}.tooShort`)
        .max(max, `${messageKey}.tooLong`)
        .regex(PLACE_TEXT, `${messageKey}.characters`)
        .regex(HAS_LETTER, `${messageKey}.characters`),
    );
}

/** `12а` → `12-А`; `12 / 3` → `12/3`. */
function normalizeNumberPart(value: string): string {
  return value
    .replace(/\s+/g, '')
    .toLocaleUpperCase('uk')
    .replace(new RegExp(`(\\d)(${CYRILLIC_SUFFIX})`, 'gu'), '$1-$2');
}

const NUMBER_WITH_SUFFIX = `\\d{1,4}(-${CYRILLIC_SUFFIX})?`;

export const houseNumberSchema = z
  .string()
  .transform(normalizeNumberPart)
  .pipe(z.string().regex(new RegExp(`^${NUMBER_WITH_SUFFIX}(/${NUMBER_WITH_SUFFIX})?$`, 'u'), 'validation.address.house'));

export const buildingSchema = z
  .string()
  .transform(normalizeNumberPart)
  .pipe(z.string().regex(new RegExp(`^(\\d{1,3}|${CYRILLIC_SUFFIX})$`, 'u'), 'validation.address.building'));

export const apartmentSchema = z
  .string()
  .transform(normalizeNumberPart)
  .pipe(z.string().regex(new RegExp(`^${NUMBER_WITH_SUFFIX}$`, 'u'), 'validation.address.apartment'));

/** Optional text fields: empty input means absent. */
function optional<T extends z.ZodType<string, string>>(schema: T) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(schema.optional());
}

/** Form and IPC input of an address; the output fits `Address` (shared/domain/person.ts). */
export const addressInputSchema = z.object({
  settlement: placeText('validation.address.settlement', 120),
  /** Typed, or chosen from the streets directory (then `streetId` is kept as well). */
  street: optional(placeText('validation.address.street', 120)),
  streetId: z.string().max(40).optional(),
  house: houseNumberSchema,
  building: optional(buildingSchema),
  apartment: optional(apartmentSchema),
});
export type AddressInput = z.input<typeof addressInputSchema>;
