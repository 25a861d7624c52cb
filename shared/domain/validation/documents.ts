import { z } from 'zod';
import { freeTextSchema, printableTextSchema } from './free-text.js';
import { presentedDocumentSchema, type DocumentType } from '../documents.js';
import { isValidIsoDate } from './dates.js';

/**
 * Series and numbers of the documents the administrator records (R7.4: "with series/number where
 * it has one"). Input is trimmed and upper-cased; Latin letters that look like Cyrillic capitals
 * are rejected, not silently converted, because a wrong letter means a wrong document.
 */

const CYRILLIC_CAPITAL = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ';

function cleaned(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, '').toLocaleUpperCase('uk');
}

/** Passport book (паспорт-книжечка): series of two Cyrillic capitals, e.g. `КВ`. */
export const passportSeriesSchema = z
  .string()
  .transform(cleaned)
  .pipe(z.string().regex(new RegExp(`^[${CYRILLIC_CAPITAL}]{2}$`, 'u'), 'validation.passport.series'));

/** Passport book number: six digits. */
export const passportNumberSchema = z
  .string()
  .transform(cleaned)
  .pipe(z.string().regex(/^\d{6}$/, 'validation.passport.number'));

/** ID card (паспорт у формі картки) number: nine digits. */
export const idCardNumberSchema = z
  .string()
  .transform(cleaned)
  .pipe(z.string().regex(/^\d{9}$/, 'validation.idCard.number'));

/** Temporary and permanent residence permits are cards in the ID-card format: nine digits. */
export const residencePermitNumberSchema = z
  .string()
  .transform(cleaned)
  .pipe(z.string().regex(/^\d{9}$/, 'validation.residencePermit.number'));

/**
 * Check digit of the УНЗР (унікальний номер запису в Єдиному державному демографічному реєстрі).
 * Structure `YYYYMMDD-NNNNC`: date of birth, a four-digit sequence 0001–9999 and a check digit
 * "calculated by the method of check digits in the machine-readable zone of passports" — State
 * Migration Service, https://mvs.gov.ua/en/news/unikalnii-nomer-zapisu-v-jeddr-shho-ce-ta-de-sukati .
 * That method is ICAO Doc 9303 Part 3, §4.9: weights 7, 3, 1 repeating from the left, sum modulo
 * 10 (worked example: https://ciphers.planetcalc.com/9535 ). Applied to the 12 digits without the hyphen.
 */
export function unzrCheckDigit(twelveDigits: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < twelveDigits.length; i++) sum += Number(twelveDigits[i]) * (weights[i % 3] ?? 0);
  return sum % 10;
}

function unzrIssue(value: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{4})(\d)$/.exec(value);
  if (!match) return 'validation.unzr.format';
  if (!isValidIsoDate(`${match[1]}-${match[2]}-${match[3]}`)) return 'validation.unzr.date';
  if (match[4] === '0000') return 'validation.unzr.format';
  const digits = value.replace('-', '');
  return unzrCheckDigit(digits.slice(0, 12)) === Number(match[5]) ? undefined : 'validation.unzr.checkDigit';
}

/** УНЗР `YYYYMMDD-NNNNC`; typed without the hyphen it is accepted and the hyphen added. */
export const unzrSchema = z.string().transform((input, ctx) => {
  const compact = cleaned(input);
  const value = /^\d{13}$/.test(compact) ? `${compact.slice(0, 8)}-${compact.slice(8)}` : compact;
  const issue = unzrIssue(value);
  if (!issue) return value;
  ctx.addIssue({ code: 'custom', message: issue, input });
  return z.NEVER;
});

/**
 * Check digit of the РНОКПП (реєстраційний номер облікової картки платника податків): weights
 * −1, 5, 7, 9, 4, 6, 10, 5, 7 over the first nine digits, sum modulo 11, then modulo 10.
 * Sources: https://uk.wikipedia.org/wiki/РНОКПП as implemented in python-stdnum `stdnum/ua/rntrc.py`
 * (its example 1759013776 is valid) and drimacus182/ukrainian_codes `ruby/ukrainian_codes.rb`
 * (WEIGHTS_IPN_10). JavaScript `%` keeps the sign, hence the adjustment for a negative sum.
 */
export function rnokppCheckDigit(nineDigits: string): number {
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (weights[i] ?? 0);
  return (((sum % 11) + 11) % 11) % 10;
}

/** РНОКПП: ten digits with a verified check digit. Optional wherever it is asked for. */
export const rnokppSchema = z.string().transform((input, ctx) => {
  const value = cleaned(input);
  if (!/^\d{10}$/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'validation.rnokpp.format', input });
    return z.NEVER;
  }
  if (rnokppCheckDigit(value.slice(0, 9)) !== Number(value[9])) {
    ctx.addIssue({ code: 'custom', message: 'validation.rnokpp.checkDigit', input });
    return z.NEVER;
  }
  return value;
});

/** Latin I, V, X typed for the Roman numeral are stored as typed; Cyrillic І stands for I. */
const ROMAN = '[IVXІ]{1,4}';
/**
 * Civil-status certificates (birth, marriage, death): series like `I-БП` — a Roman numeral (Latin
 * I/V/X or the Cyrillic І used for I), a hyphen, two Cyrillic capitals — and a six-digit number.
 */
export const civilCertificateSeriesSchema = z
  .string()
  .transform(cleaned)
  .pipe(z.string().regex(new RegExp(`^${ROMAN}-[${CYRILLIC_CAPITAL}]{2}$`, 'u'), 'validation.civilCertificate.series'));

export const civilCertificateNumberSchema = z
  .string()
  .transform(cleaned)
  .pipe(z.string().regex(/^\d{6}$/, 'validation.civilCertificate.number'));

export const birthCertificateSchema = z.object({
  series: civilCertificateSeriesSchema,
  number: civilCertificateNumberSchema,
});

type NumberRule = { series?: z.ZodType<string, string>; number: z.ZodType<string, string> };

/** Document types that carry a series and/or number the administrator must record (R7.4). */
const numberRules: Partial<Record<DocumentType, NumberRule>> = {
  passport_book: { series: passportSeriesSchema, number: passportNumberSchema },
  id_card: { number: idCardNumberSchema },
  residence_permit_temporary: { number: residencePermitNumberSchema },
  residence_permit_permanent: { number: residencePermitNumberSchema },
  birth_certificate: { series: civilCertificateSeriesSchema, number: civilCertificateNumberSchema },
  marriage_certificate: { series: civilCertificateSeriesSchema, number: civilCertificateNumberSchema },
  death_certificate: { series: civilCertificateSeriesSchema, number: civilCertificateNumberSchema },
};

/** Does a document of this type have a number (and so must be recorded with it)? */
export function documentTypeHasNumber(type: DocumentType): boolean {
  return numberRules[type] !== undefined;
}

/** Does a document of this type have a series in addition to its number? */
export function documentTypeHasSeries(type: DocumentType): boolean {
  return numberRules[type]?.series !== undefined;
}

function checkPart(
  schema: z.ZodType<string, string> | undefined,
  value: string | undefined,
  path: 'series' | 'number' | 'recordNumber',
  ctx: z.RefinementCtx,
): string | undefined {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? '');
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [path] });
  return value;
}

/** Cards of the ID-card format carry a УНЗР; it is optional, but checked when given. */
const cardTypes: readonly DocumentType[] = ['id_card', 'residence_permit_temporary', 'residence_permit_permanent'];

function checkRecordNumber(doc: { type: DocumentType; recordNumber?: string | undefined }, ctx: z.RefinementCtx) {
  if (doc.recordNumber === undefined || doc.recordNumber.trim() === '') return undefined;
  if (!cardTypes.includes(doc.type)) {
    ctx.addIssue({ code: 'custom', message: 'validation.unzr.notForType', path: ['recordNumber'] });
    return doc.recordNumber;
  }
  return checkPart(unzrSchema, doc.recordNumber, 'recordNumber', ctx);
}

/**
 * A ticked checklist item as typed: series, number and УНЗР checked against the type's format;
 * issuer and note are free text (free-text.ts), and no field holds an unprintable character.
 */
export const presentedDocumentInputSchema = presentedDocumentSchema.extend({
  series: printableTextSchema(20).optional(),
  number: printableTextSchema(40).optional(),
  recordNumber: printableTextSchema(20).optional(),
  issuer: freeTextSchema(200).optional(),
  note: freeTextSchema(300).optional(),
}).transform((doc, ctx) => {
  const rule = numberRules[doc.type];
  const series = rule ? checkPart(rule.series, doc.series, 'series', ctx) : doc.series;
  const number = rule ? checkPart(rule.number, doc.number, 'number', ctx) : doc.number;
  const recordNumber = checkRecordNumber(doc, ctx);
  return withoutUndefined({ ...doc, series, number, recordNumber });
});

/** Canonical JSON of an entry must not carry `"key": undefined` pairs. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
