import { z } from 'zod';
import { sealKindSchema } from './entry.js';
import { isoDateSchema, personNameSchema } from './person.js';
import { nameComparisonKey } from './validation/names.js';
import { freeTextSchema } from './validation/free-text.js';

/**
 * Reference data the desk keeps current with dates (R7.5, R7.10, R7.13): signatories and their seals
 * (R7.10, R7.13), self-organisation bodies and ОСББ with who held their posts when (R7.5, R7.8),
 * settlements and streets. Edits never rewrite history: a new head is a new post period, and every
 * change of a row keeps the previous version in the register's revisions table.
 */

const idSchema = z.string().min(1).max(40);
const textSchema = (min: number, max: number) => freeTextSchema(max, min);

function validityIsOrdered(value: { validFrom: string; validTo?: string | undefined }): boolean {
  return value.validTo === undefined || value.validTo >= value.validFrom;
}

// ── Signatories ─────────────────────────────────────────────────────────────────────────────────

/**
 * Who signs certificates: R7.10 the «Для довідок» seal (`for_certificates`); R7.13 the executive
 * committee's seal (`executive_committee`), with the керуючий справами signing.
 */
export const signatorySchema = z.object({
  id: idSchema,
  position: textSchema(2, 200),
  fullName: textSchema(3, 200),
  seal: sealKindSchema,
  sealName: textSchema(2, 200),
  validFrom: isoDateSchema,
  /** Last day, inclusive; absent while current. */
  validTo: isoDateSchema.optional(),
  /** The office whose documents this person signs; absent: every office. */
  officeId: idSchema.optional(),
});
export type Signatory = z.infer<typeof signatorySchema>;

/**
 * Who may sign a document of `officeId` dated `date` (R7.10, R7.13): valid on that day, for that
 * office or for every office. The desk's forms offer these; main checks the same on issuing.
 */
export function signatoriesFor<S extends Pick<Signatory, 'validFrom' | 'validTo' | 'officeId'>>(
  signatories: readonly S[],
  at: { date: string; officeId: string | undefined },
): S[] {
  return signatories.filter(
    (person) =>
      person.validFrom <= at.date &&
      (person.validTo === undefined || at.date <= person.validTo) &&
      (person.officeId === undefined || at.officeId === undefined || person.officeId === at.officeId),
  );
}

export const signatoryInputSchema = signatorySchema
  .extend({ id: idSchema.optional() })
  .strict()
  .refine(validityIsOrdered, { message: 'errors.directories.periodOrder', path: ['validTo'] });
export type SignatoryInput = z.infer<typeof signatoryInputSchema>;

// ── Self-organisation bodies and ОСББ ─────────────────────────────────────────────────────────

export const bodyTypes = ['committee', 'osbb'] as const;
export const bodyTypeSchema = z.enum(bodyTypes);
export type BodyType = z.infer<typeof bodyTypeSchema>;

/** Квартальний or будинковий комітет (R7.5). */
export const committeeKindSchema = z.enum(['quarter', 'house']);
export type CommitteeKind = z.infer<typeof committeeKindSchema>;

export const postRoleSchema = z.enum(['head', 'deputy']);
export type PostRole = z.infer<typeof postRoleSchema>;

export const bodySchema = z.object({
  id: idSchema,
  type: bodyTypeSchema,
  /** Committees only. */
  committeeKind: committeeKindSchema.optional(),
  /** A committee's number, when it has one (e.g. «12»). */
  number: freeTextSchema(20).optional(),
  name: textSchema(2, 200),
  territory: freeTextSchema(1000),
  legalEntity: z.boolean(),
  /** R7.5: when the body has a seal, its certificates must bear it. R7.8: the ОСББ seal. */
  hasSeal: z.boolean(),
  /** The seal's wording, as it appears on the impression. */
  sealName: freeTextSchema(300).optional(),
  settlementId: idSchema.optional(),
  active: z.boolean(),
});
export type Body = z.infer<typeof bodySchema>;

export const bodyInputSchema = bodySchema
  .extend({ id: idSchema.optional(), active: z.boolean().default(true) })
  .strict()
  .refine((body) => body.type === 'committee' || body.committeeKind === undefined, {
    message: 'errors.directories.committeeKindForOsbb',
    path: ['committeeKind'],
  })
  .refine((body) => body.hasSeal || body.sealName === undefined || body.sealName === '', {
    message: 'errors.directories.sealNameWithoutSeal',
    path: ['sealName'],
  });
export type BodyInput = z.input<typeof bodyInputSchema>;

/** One period a person held a post. Dates are inclusive; `to` is absent while in office. */
export const bodyPostSchema = z.object({
  id: idSchema,
  bodyId: idSchema,
  role: postRoleSchema,
  name: personNameSchema,
  from: isoDateSchema,
  to: isoDateSchema.optional(),
});
export type BodyPostRecord = z.infer<typeof bodyPostSchema>;

export const addPostInputSchema = z
  .object({ bodyId: idSchema, role: postRoleSchema, name: personNameSchema, from: isoDateSchema })
  .strict();
export type AddPostInput = z.infer<typeof addPostInputSchema>;

export const closePostInputSchema = z.object({ postId: idSchema, to: isoDateSchema }).strict();
export type ClosePostInput = z.infer<typeof closePostInputSchema>;

/** A body with whoever holds its posts today, for lists and pickers. */
export const bodySummarySchema = bodySchema.extend({
  head: bodyPostSchema.optional(),
  deputy: bodyPostSchema.optional(),
});
export type BodySummary = z.infer<typeof bodySummarySchema>;

export const bodyDetailsSchema = z.object({ body: bodySchema, posts: z.array(bodyPostSchema) });
export type BodyDetails = z.infer<typeof bodyDetailsSchema>;

/**
 * What the certification check (shared/rules/certification.ts) reads: who held which post when,
 * so a signature is checked against the holder on the certificate's own date (R7.5, R7.8).
 */
export const bodyHistorySchema = z.object({
  type: bodyTypeSchema,
  name: z.string(),
  hasSeal: z.boolean(),
  legalEntity: z.boolean(),
  posts: z.array(
    z.object({ role: postRoleSchema, name: personNameSchema, from: isoDateSchema, to: isoDateSchema.optional() }),
  ),
});
export type BodyHistory = z.infer<typeof bodyHistorySchema>;

// ── Settlements and streets ────────────────────────────────────────────────────────────────────

/** Місто, селище, село (the kinds of settlements since the 2020 administrative reform). */
export const settlementKindSchema = z.enum(['city', 'settlement', 'village']);
export type SettlementKind = z.infer<typeof settlementKindSchema>;

export const settlementSchema = z.object({
  id: idSchema,
  kind: settlementKindSchema,
  name: textSchema(2, 120),
  /** The starosta district a village belongs to (R3.5 remote workplaces). */
  starostaDistrict: freeTextSchema(200).optional(),
  active: z.boolean(),
});
export type Settlement = z.infer<typeof settlementSchema>;

export const settlementInputSchema = settlementSchema
  .extend({ id: idSchema.optional(), active: z.boolean().default(true) })
  .strict();
export type SettlementInput = z.input<typeof settlementInputSchema>;

export const streetKinds = [
  'street',
  'lane',
  'avenue',
  'boulevard',
  'square',
  'passage',
  'descent',
  'dead_end',
  'highway',
  'microdistrict',
] as const;
export const streetKindSchema = z.enum(streetKinds);
export type StreetKind = z.infer<typeof streetKindSchema>;

/** Abbreviations printed in addresses on certificates (always Ukrainian, whatever the UI language). */
export const streetKindAbbreviations: Record<StreetKind, string> = {
  street: 'вул.',
  lane: 'пров.',
  avenue: 'просп.',
  boulevard: 'бульв.',
  square: 'пл.',
  passage: 'проїзд',
  descent: 'узвіз',
  dead_end: 'тупик',
  highway: 'шосе',
  microdistrict: 'мкрн',
};

export const streetSchema = z.object({
  id: idSchema,
  settlementId: idSchema,
  kind: streetKindSchema,
  /** The name without its kind: «Шевченка», «Героїв Крут». */
  name: textSchema(1, 120),
  active: z.boolean(),
});
export type Street = z.infer<typeof streetSchema>;

export const streetInputSchema = streetSchema
  .extend({ id: idSchema.optional(), active: z.boolean().default(true) })
  .strict();
export type StreetInput = z.input<typeof streetInputSchema>;

export const streetSuggestionSchema = streetSchema.extend({
  /** As printed: «вул. Шевченка». */
  label: z.string(),
});
export type StreetSuggestion = z.infer<typeof streetSuggestionSchema>;

export function streetLabel(street: Pick<Street, 'kind' | 'name'>): string {
  return `${streetKindAbbreviations[street.kind]} ${street.name}`;
}

/** Words people type before the name («вул. Шев», «провулок Са»); the suggestion ignores them. */
const LEADING_STREET_KIND =
  /^(вулиця|вул\.?|провулок|пров\.?|проспект|просп\.?|бульвар|бульв\.?|площа|пл\.|проїзд|узвіз|тупик|шосе|мікрорайон|мкрн\.?)\s+/u;

/**
 * The folded form a street is found by: SQLite's lower() does not fold Cyrillic, so the key is
 * computed here (apostrophes to U+02BC, Ukrainian lower case, single spaces) and stored.
 */
export function streetSearchKey(value: string): string {
  return nameComparisonKey(value);
}

/** The key prefix a typed query is matched with. */
export function streetQueryKey(query: string): string {
  return streetSearchKey(query).replace(LEADING_STREET_KIND, '');
}
