import { z } from 'zod';
import { defineChannel } from '../define.js';
import { roleSchema } from '../../domain/roles.js';
import { loginNameSchema } from './setup.js';

export const sessionUserSchema = z.object({
  userId: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  officeId: z.string(),
});

export const authChannels = {
  'auth.login': defineChannel({
    input: z.object({ login: loginNameSchema, password: z.string().min(1).max(200) }).strict(),
    output: z.object({ user: sessionUserSchema, idleLockMinutes: z.number().int().positive() }),
    access: 'public',
    mutates: true,
    summary: 'Log in; five failed attempts lock the account for five minutes.',
  }),
  'auth.logout': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: 'session',
    mutates: true,
    summary: 'Log out of this window or tab.',
  }),
  'auth.me': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ user: sessionUserSchema.nullable() }),
    access: 'public',
    mutates: false,
    summary: 'The user logged in on this window or tab, or null (also after the idle lock).',
  }),
} as const;
