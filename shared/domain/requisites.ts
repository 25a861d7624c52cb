import { z } from 'zod';
import { emblemIssue } from './validation/image.js';
import { freeTextSchema } from './validation/free-text.js';

/** The council's requisites printed in every document header (configuration, never literals). */
export const councilRequisitesSchema = z.object({
  councilName: freeTextSchema(200, 3),
  executiveCommitteeName: freeTextSchema(200, 3),
  cnapDepartmentName: freeTextSchema(300, 3),
  region: freeTextSchema(200, 3),
  address: freeTextSchema(300, 3),
  phone: freeTextSchema(60),
  email: freeTextSchema(120),
  website: freeTextSchema(200).optional(),
  /** R7.4.2: where a person without a house book is referred (відділ ведення реєстру територіальної громади). */
  registerDepartment: freeTextSchema(300, 3),
  /** Optional emblem image, PNG or JPEG as base64 (no data: prefix), at most 512 KB (validation/image.ts). */
  emblemPngBase64: z
    .string()
    .max(700_000, 'validation.emblem.tooLarge')
    .superRefine((value, ctx) => {
      const issue = emblemIssue(value);
      if (issue) ctx.addIssue({ code: 'custom', message: issue });
    })
    .optional(),
});
export type CouncilRequisites = z.infer<typeof councilRequisitesSchema>;
