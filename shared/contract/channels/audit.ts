import { z } from 'zod';
import { defineChannel } from '../define.js';

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
});

export const auditChannels = {
  'audit.list': defineChannel({
    input: z
      .object({
        from: z.string().datetime().optional(),
        to: z.string().datetime().optional(),
        userId: z.string().min(1).optional(),
        action: z.string().regex(/^[a-z_]+\.[a-z_]+$/).optional(),
        entity: z.string().min(1).max(40).optional(),
        entityId: z.string().min(1).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ items: z.array(auditRowSchema), total: z.number().int().nonnegative() }),
    access: ['head'],
    mutates: false,
    summary: 'The audit log, newest first (head only); it never holds personal data or passwords.',
  }),
  'audit.viewersOfEntry': defineChannel({
    input: z.object({ entryId: z.string().min(1) }).strict(),
    output: z.object({
      items: z.array(z.object({ userId: z.string().nullable(), fullName: z.string().nullable(), at: z.string() })),
    }),
    access: ['head'],
    mutates: false,
    summary: 'Who opened an entry and when (head only).',
  }),
} as const;
