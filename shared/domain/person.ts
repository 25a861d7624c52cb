import { z } from 'zod';

/**
 * Basic shapes of people and places. The strict Ukrainian-name and document validators live in
 * `validation/` and refine these; the register stores exactly what passed them.
 */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date.format');
export type IsoDate = z.infer<typeof isoDateSchema>;

export const personNameSchema = z.object({
  familyName: z.string().min(1).max(80),
  givenName: z.string().min(1).max(60),
  /** Absent for people without a patronymic (many foreigners, some documents). */
  patronymic: z.string().max(60).optional(),
});
export type PersonName = z.infer<typeof personNameSchema>;

export const genderSchema = z.enum(['male', 'female']);
export type Gender = z.infer<typeof genderSchema>;

export const addressSchema = z.object({
  settlement: z.string().min(1).max(120),
  /** Street as typed or chosen from the directory (its id kept for reports). */
  street: z.string().max(120).optional(),
  streetId: z.string().max(40).optional(),
  house: z.string().min(1).max(20),
  building: z.string().max(20).optional(),
  apartment: z.string().max(20).optional(),
});
export type Address = z.infer<typeof addressSchema>;

/** Declined forms shown to the administrator before issuing; `corrected` when edited by hand. */
export const declinedNameSchema = z.object({
  nominative: z.string().min(1).max(200),
  dative: z.string().min(1).max(200),
  genitive: z.string().min(1).max(200),
  corrected: z.boolean(),
  /**
   * The gender the forms were declined for: as the name tells it, or as the administrator chose
   * when it does not («Бойко Саша»). Absent in entries made before it was kept.
   */
  gender: genderSchema.optional(),
});
export type DeclinedName = z.infer<typeof declinedNameSchema>;

export const relations = [
  'applicant',
  'husband',
  'wife',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'grandson',
  'granddaughter',
  'grandfather',
  'grandmother',
  'son_in_law',
  'daughter_in_law',
  'father_in_law',
  'mother_in_law',
  'stepson',
  'stepdaughter',
  'ward',
  'other',
] as const;
export const relationSchema = z.enum(relations);
export type Relation = z.infer<typeof relationSchema>;

export const householdMemberSchema = z.object({
  name: personNameSchema,
  relation: relationSchema,
  birthDate: isoDateSchema,
  /** Registration date at the address, when the house book shows it (registration certificate). */
  registeredOn: isoDateSchema.optional(),
  /** A deceased member is listed only with the death certificate (actual_residence_family). */
  deathDate: isoDateSchema.optional(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;
