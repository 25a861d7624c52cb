import { z } from 'zod';
import { defineChannel } from '../define.js';

export const languageSchema = z.enum(['uk', 'en']);

export const appChannels = {
  'app.info': defineChannel({
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      schemaVersion: z.number().int().nonnegative(),
      languages: z.array(languageSchema),
      trainingMode: z.boolean(),
      /** Only in the throwaway training register: the account to practise with. */
      trainingLogin: z.object({ login: z.string(), password: z.string() }).optional(),
    }),
    access: 'public',
    mutates: false,
    summary: 'Application version, register schema version and languages; needs the bridge token but no login.',
  }),
} as const;
