import { z } from 'zod';
import { defineChannel } from '../define.js';
import { ALL_ROLES, HEAD_ONLY } from '../../domain/roles.js';
import { kindIdSchema } from '../../domain/entry.js';

export const templateVersionSchema = z.object({
  kindId: z.string(),
  version: z.number().int().positive(),
  text: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
});

export const templateSummarySchema = z.object({
  kindId: z.string(),
  version: z.number().int().positive(),
  versions: z.number().int().positive(),
  updatedAt: z.string(),
  updatedByName: z.string(),
});

export const TEMPLATE_MAX_LENGTH = 100_000;

/** Templates (R7.3: versioned, edited by the head). */
export const templatesChannels = {
  'templates.list': defineChannel({
    input: z.object({}).strict(),
    output: z.array(templateSummarySchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Every kind’s current template version and how many versions it has.',
  }),
  'templates.get': defineChannel({
    input: z.object({ kindId: kindIdSchema, version: z.number().int().positive().optional() }).strict(),
    output: templateVersionSchema,
    access: ALL_ROLES,
    mutates: false,
    summary: 'A kind’s current template, or the version an entry was printed with.',
  }),
  'templates.save': defineChannel({
    input: z.object({ kindId: kindIdSchema, text: z.string().min(1).max(TEMPLATE_MAX_LENGTH) }).strict(),
    output: templateVersionSchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'Save a template as the next version; unknown placeholders and unrenderable text are refused.',
  }),
} as const;
