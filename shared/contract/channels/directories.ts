import { z } from 'zod';
import { defineChannel } from '../define.js';
import { ALL_ROLES, HEAD_ONLY } from '../../domain/roles.js';
import { isoDateSchema } from '../../domain/person.js';
import {
  addPostInputSchema,
  bodyDetailsSchema,
  bodyHistorySchema,
  bodyInputSchema,
  bodyPostSchema,
  bodySchema,
  bodySummarySchema,
  bodyTypeSchema,
  closePostInputSchema,
  settlementInputSchema,
  settlementSchema,
  signatoryInputSchema,
  signatorySchema,
  streetInputSchema,
  streetSchema,
  streetSuggestionSchema,
} from '../../domain/directories.js';

const idInput = z.object({ id: z.string().min(1).max(40) }).strict();

/**
 * Reference data (signatories, seals, committees, R7.5, R7.10, R7.13): everyone reads, only the head of the department edits.
 * ОСББ (R7.8) are bodies with `type: 'osbb'`: the same channels with a type filter.
 */
export const directoriesChannels = {
  'directories.signatories.list': defineChannel({
    input: z.object({ officeId: z.string().max(40).optional(), onDate: isoDateSchema.optional() }).strict(),
    output: z.array(signatorySchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Signatories and their seals (R7.10 «Для довідок», R7.13 executive committee), optionally valid on a date.',
  }),
  'directories.signatories.save': defineChannel({
    input: signatoryInputSchema,
    output: signatorySchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'Add or edit a signatory; the previous version is kept.',
  }),
  'directories.bodies.list': defineChannel({
    input: z.object({ type: bodyTypeSchema.optional(), includeInactive: z.boolean().optional() }).strict(),
    output: z.array(bodySummarySchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Quarter/house committees and ОСББ with today’s head and deputy.',
  }),
  'directories.bodies.get': defineChannel({
    input: idInput,
    output: bodyDetailsSchema,
    access: ALL_ROLES,
    mutates: false,
    summary: 'A body with every post period it has had.',
  }),
  'directories.bodies.history': defineChannel({
    input: idInput,
    output: bodyHistorySchema,
    access: ALL_ROLES,
    mutates: false,
    summary: 'Who held which post when: what the certification check (R7.5, R7.8) reads.',
  }),
  'directories.bodies.save': defineChannel({
    input: bodyInputSchema,
    output: bodySchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'Add or edit a committee or ОСББ (name, territory, legal entity, seal); the previous version is kept.',
  }),
  'directories.bodies.addPost': defineChannel({
    input: addPostInputSchema,
    output: bodyPostSchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'A new head or deputy from a date; the previous holder’s period ends the day before.',
  }),
  'directories.bodies.closePost': defineChannel({
    input: closePostInputSchema,
    output: bodyPostSchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'End a post period (the post stays vacant until a new holder is added).',
  }),
  'directories.settlements.list': defineChannel({
    input: z.object({}).strict(),
    output: z.array(settlementSchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Settlements of the hromada.',
  }),
  'directories.settlements.save': defineChannel({
    input: settlementInputSchema,
    output: settlementSchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'Add or edit a settlement; the previous version is kept.',
  }),
  'directories.streets.list': defineChannel({
    input: z.object({ settlementId: z.string().min(1).max(40) }).strict(),
    output: z.array(streetSchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Every street of a settlement, for the directory screen.',
  }),
  'directories.streets.suggest': defineChannel({
    input: z
      .object({
        query: z.string().max(120),
        settlementId: z.string().min(1).max(40).optional(),
        /** The settlement as typed in the address: only its streets are suggested. */
        settlement: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    output: z.array(streetSuggestionSchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Streets starting with what was typed, any letter case, any apostrophe; only the typed settlement’s streets when one is given.',
  }),
  'directories.streets.save': defineChannel({
    input: streetInputSchema,
    output: streetSchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'Add, rename or retire a street; the previous version is kept.',
  }),
} as const;
