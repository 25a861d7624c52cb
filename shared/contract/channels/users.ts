import { z } from 'zod';
import { defineChannel } from '../define.js';
import { userSummarySchema } from '../../domain/directories-core.js';
import { roleSchema } from '../../domain/roles.js';
import { loginNameSchema, passwordSchema } from './setup.js';
import { freeTextSchema } from '../../domain/validation/free-text.js';

const fullNameSchema = freeTextSchema(200, 3);

export const usersChannels = {
  'users.list': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(userSummarySchema) }),
    access: ['head'],
    mutates: false,
    summary: 'Every user account with role, office and lock state (head only).',
  }),
  'users.create': defineChannel({
    input: z
      .object({ login: loginNameSchema, fullName: fullNameSchema, role: roleSchema, officeId: z.string().min(1), password: passwordSchema })
      .strict(),
    output: userSummarySchema,
    access: ['head'],
    mutates: true,
    summary: 'Create an account (head only); the password is stored as a salted scrypt hash.',
  }),
  'users.update': defineChannel({
    input: z
      .object({
        id: z.string().min(1),
        fullName: fullNameSchema.optional(),
        role: roleSchema.optional(),
        officeId: z.string().min(1).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: userSummarySchema,
    access: ['head'],
    mutates: true,
    summary: 'Change name, role, office or deactivate (head only); the last head cannot be removed. Ends the user\'s sessions.',
  }),
  'users.resetPassword': defineChannel({
    input: z.object({ id: z.string().min(1), password: passwordSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ['head'],
    mutates: true,
    summary: 'Set a new password and lift a lock (head only). Ends the user\'s sessions.',
  }),
} as const;
