import { z } from 'zod';
import { getOffice } from '../repositories/offices.js';
import { getSetting, putSetting } from '../repositories/settings.js';
import type { Sql } from '../sql.js';
import type { ServiceContext } from './context.js';

/** What a remote desk remembers about the centre it was installed from (its shape is the exchange's). */
const WORKPLACE_KEY = 'exchange_workplace';

export async function storedWorkplace(db: Sql): Promise<unknown> {
  return getSetting(db, WORKPLACE_KEY);
}

export async function storeWorkplace(db: Sql, state: unknown): Promise<void> {
  await putSetting(db, WORKPLACE_KEY, state);
}

const installedOfficeSchema = z.object({ officeId: z.string() });

/**
 * R3.5, the workplace rule: a remote workplace writes only its own office's journals; the centre
 * writes every journal but a remote office's, which only that workplace keeps.
 */
export async function journalWritableHere(ctx: Pick<ServiceContext, 'db'>, officeId: string): Promise<boolean> {
  const installed = installedOfficeSchema.safeParse(await storedWorkplace(ctx.db));
  if (installed.success) return officeId === installed.data.officeId;
  return (await getOffice(ctx.db, officeId))?.kind !== 'remote';
}
