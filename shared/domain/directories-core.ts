import { z } from 'zod';
import { entrySortSchema } from './entry.js';
import { roleSchema } from './roles.js';

/** The central ЦНАП and the remote workplaces at starosta offices (R3.5). */
export const officeKinds = ['central', 'remote'] as const;
export const officeKindSchema = z.enum(officeKinds);
export type OfficeKind = z.infer<typeof officeKindSchema>;

/**
 * An office code is printed in numbers and named in bundles: capital Latin letters and digits,
 * groups joined by single hyphens (`ST-01`), never a bare or dangling hyphen (`--`, `E-`, `06-`).
 */
const OFFICE_CODE = /^(?=.{1,12}$)[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
export function isOfficeCode(code: string): boolean {
  return OFFICE_CODE.test(code);
}
/** A Cyrillic letter that looks Latin (С, А, О) is named as such, not only as a bad format. */
export const officeCodeSchema = z
  .string()
  .trim()
  .regex(/^[^\u0400-\u04FF]*$/, 'validation.office.codeCyrillic')
  .refine(isOfficeCode, 'validation.office.code');

export const officeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: officeKindSchema,
  /** The starosta district a remote workplace serves; absent for the central office. */
  starostaDistrict: z.string().optional(),
  active: z.boolean(),
});
export type Office = z.infer<typeof officeSchema>;

/**
 * The Ukrainian alphabet's capitals, listed: the range А-Я would also let in Ъ, Ы and Э, which
 * Ukrainian does not have (and misses Ґ, Є, І, Ї, which it does).
 */
export const UKRAINIAN_CAPITALS = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ';
const INDEX_SIGN = `0-9A-Z${UKRAINIAN_CAPITALS}`;
const NOMENCLATURE_INDEX = new RegExp(`^(?=.{1,20}$)[${INDEX_SIGN}](?:[${INDEX_SIGN}./-]*[${INDEX_SIGN}])?$`, 'u');
/** Digits and capitals, with dots, hyphens and slashes between them, never at either end. */
export function isNomenclatureIndex(index: string): boolean {
  return NOMENCLATURE_INDEX.test(index);
}

/** Nomenclature index of cases, e.g. `01-21` (R7.11, R7.12). */
export const nomenclatureIndexSchema = z.string().trim().refine(isNomenclatureIndex, 'validation.journal.index');

/**
 * Printed number pattern. `{number}` is required; `{index}`, `{year}` and `{office}` are optional.
 * The printed number is fixed when the entry is written, so changing a format never renumbers
 * entries already issued.
 */
export const numberFormatSchema = z
  .string()
  .trim()
  .min(8)
  .max(60)
  .regex(/\{number\}/, 'validation.journal.numberFormat')
  .refine((format) => format.replace(/\{(index|number|year|office)\}/g, '').indexOf('{') < 0, 'validation.journal.numberFormat');

export const DEFAULT_NUMBER_FORMAT = '{index}/{number}';

export const journalSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  officeCode: z.string(),
  index: z.string(),
  title: z.string(),
  /** Which sorts of entries the journal holds (R7.11: other departments keep their own). */
  sorts: z.array(entrySortSchema).min(1),
  /** Absent: the desk-wide format from the settings. */
  numberFormat: z.string().optional(),
  active: z.boolean(),
});
export type Journal = z.infer<typeof journalSchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  officeId: z.string(),
  active: z.boolean(),
  /** UTC instant until which the account is locked after five failed logins, when it is. */
  lockedUntil: z.string().optional(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const inscriptionOffsetSchema = z.object({
  xMm: z.number().min(0).max(200),
  yMm: z.number().min(0).max(290),
});

/**
 * A backup folder named in the settings: absolute (POSIX `/…`, Windows `C:\…` or a `\\server\share`),
 * already normalised (no `.` or `..` segment, no doubled separator), no control character. A
 * relative path would resolve against whatever folder the desk was started from.
 */
export function isAbsoluteFolder(folder: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters (NUL above all) are what is refused
  if (/[\u0000-\u001f\u007f]/.test(folder)) return false;
  const root = /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+(?:[\\/]|$))/.exec(folder)?.[0];
  if (root === undefined) return false;
  const separator = root.startsWith('/') ? '/' : /[\\/]/;
  const rest = folder.slice(root.length).replace(root.startsWith('/') ? /\/$/ : /[\\/]$/, '');
  return rest === '' || rest.split(separator).every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

export const backupFolderSchema = z.string().trim().min(1).max(1000).refine(isAbsoluteFolder, 'validation.settings.backupFolder');

export const deskSettingsSchema = z.object({
  /** Minutes without a call after which a session locks. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Folder for automatic daily and manual backups; absent: `<data folder>/backups`. */
  backupFolder: z.string().trim().min(1).max(1000).optional(),
  numberFormat: numberFormatSchema,
  /** Training mode: the interface marks every document as a specimen. */
  trainingMode: z.boolean(),
  /** Where the certification inscription goes on a submitted paper (R7.5), from its top-left corner. */
  inscriptionOffset: inscriptionOffsetSchema,
  /** Remote workplaces (R3.5): warn when the last acknowledged export is older than this many days; absent: 7. */
  exchangeWarningDays: z.number().int().min(1).max(365).optional(),
});
export type DeskSettings = z.infer<typeof deskSettingsSchema>;

export const DEFAULT_SETTINGS: DeskSettings = {
  idleLockMinutes: 15,
  numberFormat: DEFAULT_NUMBER_FORMAT,
  trainingMode: false,
  inscriptionOffset: { xMm: 105, yMm: 225 },
};
