import { z } from 'zod';
import { DeskError } from '../../shared/contract/errors.js';
import type { Sql } from '../register/sql.js';
import { chainHeadSchema, peerKeysSchema } from './payloads.js';
import { storedWorkplace, storeWorkplace } from '../register/services/workplace.js';
import {
  NO_ROWS,
  type RowMarks,
} from '../register/services/replication.js';
import { kyivLocalDate } from '../register/kyiv-time.js';

/** What a remote desk remembers about the centre it was installed from. */
export const workplaceStateSchema = z.object({
  officeId: z.string(),
  officeCode: z.string(),
  centreKeys: peerKeysSchema,
  /** Proves to the centre, in the first bundle, that this desk was installed from its package. */
  enrolment: z.string(),
  installedAt: z.string(),
  /** A re-created PC: the bundle sequence and marks its first bundle starts from (the centre's copy it was installed with). */
  continuesFrom: z.object({ sequence: z.number().int(), marks: z.lazy(() => bundleMarksSchema) }).optional(),
});
export type WorkplaceState = z.infer<typeof workplaceStateSchema>;

export async function readWorkplaceState(db: Sql): Promise<WorkplaceState | undefined> {
  const parsed = workplaceStateSchema.safeParse(await storedWorkplace(db));
  return parsed.success ? parsed.data : undefined;
}

export async function writeWorkplaceState(db: Sql, state: WorkplaceState): Promise<void> {
  await storeWorkplace(db, state);
}

export async function requireRemoteDesk(db: Sql): Promise<WorkplaceState> {
  const state = await readWorkplaceState(db);
  if (!state) throw new DeskError('conflict', 'errors.exchange.notRemoteDesk');
  return state;
}

export async function requireCentralDesk(db: Sql): Promise<void> {
  if (await readWorkplaceState(db)) throw new DeskError('conflict', 'errors.exchange.notCentralDesk');
}

/** Where an exported bundle ended: each journal's head and the last row of each carried table. */
export const bundleMarksSchema = z.object({
  heads: z.record(z.string(), chainHeadSchema),
  rows: z.object({
    handovers: z.number().int(),
    annulments: z.number().int(),
    reissues: z.number().int(),
    documentCodes: z.number().int(),
    audit: z.number().int(),
  }),
});
export type BundleMarks = z.infer<typeof bundleMarksSchema> & { rows: RowMarks };

export const START_MARKS: BundleMarks = { heads: {}, rows: NO_ROWS };

/** What the centre remembers of an imported bundle: how far the office's audit rows came. */
export const importMarksSchema = z.object({ auditUpTo: z.number().int() });

export function dateOf(instant: string): string {
  return kyivLocalDate(new Date(instant));
}

/** Whole calendar days between two yyyy-mm-dd dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Office codes are `[A-Z0-9-]`; anything else is kept out of a file name all the same. */
export function safeFilePart(text: string): string {
  return text.replace(/[^\p{L}\p{N}-]/gu, '-');
}
