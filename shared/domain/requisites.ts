import { z } from 'zod';
import { emblemIssue } from './validation/image.js';

/** The council's requisites printed in every document header (configuration, never literals). */
export const councilRequisitesSchema = z.object({
  councilName: z.string().trim().min(3).max(200),
  executiveCommitteeName: z.string().trim().min(3).max(200),
  cnapDepartmentName: z.string().trim().min(3).max(300),
  region: z.string().trim().min(3).max(200),
  address: z.string().trim().min(3).max(300),
  phone: z.string().trim().max(60),
  email: z.string().trim().max(120),
  website: z.string().trim().max(200).optional(),
  /** R7.4.2: where a person without a house book is referred (відділ ведення реєстру територіальної громади). */
  registerDepartment: z.string().trim().min(3).max(300),
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
