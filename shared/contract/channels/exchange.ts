import { z } from 'zod';
import { defineChannel } from '../define.js';

/**
 * Remote workplaces (R3.5). Files cross the boundary as base64 inside JSON. The browser
 * bridge accepts request bodies up to 1 MB, so an uploaded file may be at most
 * `EXCHANGE_UPLOAD_MAX_BYTES`; bundles are gzip-compressed before encryption (well over a
 * thousand entries fit), and anything larger goes through the command line (`npm run cli`).
 */
export const EXCHANGE_UPLOAD_MAX_BYTES = 740 * 1024;
const BASE64_MAX_CHARS = Math.ceil(EXCHANGE_UPLOAD_MAX_BYTES / 3) * 4;

const base64Schema = z.string().min(1).max(BASE64_MAX_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/);
const fileNameSchema = z.string().trim().min(1).max(255);
const countsSchema = z.record(z.string(), z.number().int());
const officeIdSchema = z.string().min(1).max(100);

export const exchangeLogItemSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['export', 'import']),
  kind: z.enum(['workplace', 'bundle', 'update']),
  officeId: z.string(),
  sequence: z.number().int(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  fileName: z.string(),
  counts: countsSchema,
  acknowledged: z.number().int().nullable(),
  at: z.string(),
});
export type ExchangeLogItem = z.infer<typeof exchangeLogItemSchema>;

export const bundleImportReportSchema = z.object({
  status: z.enum(['imported', 'already_imported']),
  officeId: z.string(),
  officeCode: z.string(),
  sequence: z.number().int(),
  fileName: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  counts: countsSchema,
  journals: z.array(
    z.object({
      journalId: z.string(),
      journalIndex: z.string(),
      count: z.number().int(),
      fromNumber: z.string().nullable(),
      toNumber: z.string().nullable(),
    }),
  ),
  at: z.string(),
});
export type BundleImportReportShape = z.infer<typeof bundleImportReportSchema>;

/** The centre as witness (R7.7): how far the centre cosigned each office journal; the bundles it flagged. */
const witnessedByCentreSchema = z.object({
  journalId: z.string(),
  journalIndex: z.string(),
  size: z.number().int(),
  printedNumber: z.string().nullable(),
  cosignedAt: z.string(),
});
const witnessFlagSchema = z.object({
  journalId: z.string(),
  journalIndex: z.string(),
  reason: z.enum(['rewritten', 'tail_cut']),
  printedNumber: z.string(),
  bundleSequence: z.number().int(),
  flaggedAt: z.string(),
});

export const exchangeStatusSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('remote'),
    officeId: z.string(),
    officeCode: z.string(),
    lastExport: z.object({ sequence: z.number().int(), at: z.string() }).nullable(),
    acknowledged: z.object({ sequence: z.number().int(), exportedAt: z.string(), receivedAt: z.string() }).nullable(),
    updateVersion: z.number().int(),
    daysSinceAcknowledged: z.number().int(),
    warnAfterDays: z.number().int(),
    warning: z.boolean(),
    witnessed: z.array(witnessedByCentreSchema),
  }),
  z.object({
    mode: z.literal('central'),
    offices: z.array(
      z.object({
        officeId: z.string(),
        officeCode: z.string(),
        officeName: z.string(),
        workplaceIssued: z.boolean(),
        joined: z.boolean(),
        lastImport: z.object({ sequence: z.number().int(), at: z.string() }).nullable(),
        updateVersion: z.number().int(),
        witnessFlags: z.array(witnessFlagSchema),
      }),
    ),
  }),
]);
export type ExchangeStatusShape = z.infer<typeof exchangeStatusSchema>;

export const officesOverviewSchema = z.object({
  overdueAfterDays: z.number().int(),
  offices: z.array(
    z.object({
      officeId: z.string(),
      officeCode: z.string(),
      officeName: z.string(),
      journals: z.array(z.object({ journalId: z.string(), index: z.string() })),
      workplaceIssued: z.boolean(),
      generation: z.number().int(),
      lastBundle: z.object({ sequence: z.number().int(), importedAt: z.string(), entries: z.number().int(), alreadyPresent: z.number().int() }).nullable(),
      lastConfirmation: z.object({ version: z.number().int(), acknowledgedSequence: z.number().int(), at: z.string() }).nullable(),
      daysSinceBundle: z.number().int().nullable(),
      overdue: z.boolean(),
    }),
  ),
});
export type OfficesOverviewShape = z.infer<typeof officesOverviewSchema>;

const exportedFile = { fileName: z.string(), dataBase64: z.string() };

export const exchangeChannels = {
  'exchange.exportWorkplace': defineChannel({
    input: z.object({ officeId: officeIdSchema }).strict(),
    output: z.object({ ...exportedFile, passphrase: z.string(), version: z.number().int() }),
    access: ['head'],
    mutates: true,
    summary: "Centre: the package a remote workplace is installed from, encrypted with a one-time passphrase shown once (head only).",
  }),
  'exchange.recreateWorkplace': defineChannel({
    input: z
      .object({
        officeId: officeIdSchema,
        /** Each of the office's journals: this year's last number on the dead PC's paper journal (0: none). */
        lastNumbers: z.array(z.object({ journalId: z.string().min(1).max(100), lastNumber: z.number().int().min(0).max(999_999) }).strict()).min(1).max(50),
        /** On what the numbers rest: the act, who checked the paper journal. */
        statement: z.string().trim().min(3).max(500),
      })
      .strict(),
    output: z.object({
      ...exportedFile,
      passphrase: z.string(),
      version: z.number().int(),
      generation: z.number().int(),
      lost: z.array(z.object({ journalId: z.string(), journalIndex: z.string(), year: z.number().int(), fromNumber: z.number().int(), toNumber: z.number().int() })),
    }),
    access: ['head'],
    mutates: true,
    summary:
      "Centre: a dead office PC with no backup re-created: numbers its paper journal shows beyond the centre's last entry are recorded as lost, the old PC's bundles are refused from now on, and the package the new PC is installed from continues the office's journals (head only).",
  }),
  'exchange.importWorkplace': defineChannel({
    input: z.object({ dataBase64: base64Schema, passphrase: z.string().trim().min(1).max(100) }).strict(),
    output: z.object({ officeId: z.string(), officeCode: z.string(), officeName: z.string(), version: z.number().int() }),
    access: 'public',
    mutates: true,
    summary: 'Installs this register as a remote workplace from its package, instead of the first-run wizard; only before setup.',
  }),
  'exchange.exportBundle': defineChannel({
    input: z.object({}).strict(),
    output: z.object({
      ...exportedFile,
      sequence: z.number().int(),
      baseSequence: z.number().int(),
      periodFrom: z.string(),
      periodTo: z.string(),
      counts: countsSchema,
    }),
    access: ['remote_admin', 'head'],
    mutates: true,
    summary: 'Remote desk: the next journal bundle since the last acknowledged one, signed and encrypted to the centre.',
  }),
  'exchange.importBundle': defineChannel({
    input: z.object({ fileName: fileNameSchema, dataBase64: base64Schema }).strict(),
    output: bundleImportReportSchema,
    access: ['head'],
    mutates: true,
    summary: 'Centre: verify and import a journal bundle in one transaction; a replay changes nothing; refusals change nothing (head only).',
  }),
  'exchange.exportUpdates': defineChannel({
    input: z.object({ officeId: officeIdSchema }).strict(),
    output: z.object({ ...exportedFile, version: z.number().int(), acknowledgedSequence: z.number().int() }),
    access: ['head'],
    mutates: true,
    summary: "Centre: directories, templates and users for one office, with the acknowledgement of its bundles (head only).",
  }),
  'exchange.importUpdates': defineChannel({
    input: z.object({ dataBase64: base64Schema }).strict(),
    output: z.object({ status: z.enum(['applied', 'already_applied']), version: z.number().int(), acknowledgedSequence: z.number().int() }),
    access: ['remote_admin', 'head'],
    mutates: true,
    summary: "Remote desk: apply the centre's update package; older versions are refused, the same one changes nothing.",
  }),
  'exchange.history': defineChannel({
    input: z.object({ officeId: officeIdSchema.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ items: z.array(exchangeLogItemSchema) }),
    access: ['remote_admin', 'head'],
    mutates: false,
    summary: 'Packages written and accepted, newest first, per office; a remote administrator sees only their own.',
  }),
  'exchange.offices': defineChannel({
    input: z.object({}).strict(),
    output: officesOverviewSchema,
    access: ['head'],
    mutates: false,
    summary: "Centre: each remote office's last bundle (number, when imported, entries), the last confirmation sent, and which are overdue (no bundle for longer than «exchangeWarningDays», 7 by default; head only).",
  }),
  'exchange.status': defineChannel({
    input: z.object({}).strict(),
    output: exchangeStatusSchema,
    access: 'session',
    mutates: false,
    summary: "Remote desk: days since the last acknowledged export and the warning; centre: each remote office's state.",
  }),
} as const;
