import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegisterServices, type RegisterDb } from '../../../electron/register/index.js';
import { deskServices, setUpDesk, type DeskCast, type DeskServices } from '../../../electron/app/synthetic/desk-cast.js';
import { batchInputOf, planBatches, type PlannedItem } from '../../../electron/app/synthetic/plan.js';
import { openTestRegisterDb } from '../../support/register-backend.js';

/**
 * `appendBatch` writes in bulk what the desk writes one entry at a time: the same
 * register must come out of both — numbers, instants, contents, search text, audit rows,
 * handovers and annulments, in the same order, with chains that verify.
 */

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

const UNTIL = new Date('2025-06-30T14:00:00.000Z');
const DAYS = 3 * 365;
const ENTRIES = 150;

interface Desk {
  readonly db: RegisterDb;
  dispose(): Promise<void>;
  readonly services: DeskServices;
  readonly cast: DeskCast;
  setClock(at: Date): void;
}

async function newDesk(): Promise<Desk> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-batch-test-')), 'data');
  folders.push(path.dirname(dataDir));
  // The SQLite file, or a PostgreSQL database under the PostgreSQL test configuration.
  const { db, dispose } = await openTestRegisterDb(dataDir);
  let clock = new Date(UNTIL.getTime() - (DAYS + 1) * 86_400_000);
  const now = () => clock;
  const services = deskServices(createRegisterServices({ db, dataDir, now }), db, now);
  const cast = await setUpDesk(services, '2021-01-01', '2023-06-30');
  return { db, dispose, services, cast, setClock: (at) => (clock = at) };
}

async function plan(cast: DeskCast): Promise<PlannedItem[]> {
  const items: PlannedItem[] = [];
  for await (const batch of planBatches({ cast, seed: 21, entries: ENTRIES, until: UNTIL, days: DAYS, batchSize: 40 })) items.push(...batch);
  return items;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * What the two registers must share, as text with each register's own setup ids (offices,
 * journals, users, signatories, bodies) named; the entries' ids differ (the desk draws its own).
 */
async function written(desk: Desk): Promise<string> {
  const names = new Map<string, string>();
  for (const office of desk.cast.offices) {
    names.set(office.officeId, `office:${office.code}`).set(office.journalId, `journal:${office.code}`).set(office.signatory.signatoryId, `signatory:${office.code}`);
    for (const user of office.users) names.set(user.userId, `user:${user.login}`);
  }
  for (const body of desk.cast.bodies) names.set(body.id, `body:${body.history.name}`);
  const rows = {
    entries: await desk.db.all(
      `SELECT journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by, content
       FROM entries ORDER BY created_at, journal_id`,
    ),
    search: await desk.db.all('SELECT f.names, f.address, f.number, e.created_at FROM entries_fts f JOIN entries e ON e.id = f.entry_id ORDER BY f.rowid'),
    audit: await desk.db.all("SELECT at, user_id, action, summary FROM audit_log WHERE entity = 'entry' ORDER BY id"),
    handovers: await desk.db.all('SELECT at, received_by, recipient_name, by_user FROM handovers ORDER BY at'),
    annulments: await desk.db.all('SELECT at, reason, by_user FROM annulments ORDER BY at'),
  };
  return JSON.stringify(rows, null, 1).replace(UUID, (id) => names.get(id) ?? 'unnamed-id');
}

describe('appendBatch writes what appendEntry, handover and annul write one by one', () => {
  it('gives the same rows in the same order, and chains that verify', async () => {
    const batched = await newDesk();
    const single = await newDesk();
    try {
      const items = await plan(batched.cast);
      await batched.services.register.entries.appendBatch(items.map((item) => batchInputOf(item, batched.cast)));

      for (const item of await plan(single.cast)) {
        const input = batchInputOf(item, single.cast);
        single.setClock(input.at);
        const entry = await single.services.register.entries.appendEntry(input);
        if (input.handover) {
          single.setClock(input.handover.at);
          await single.services.register.entries.handover(input.user, {
            entryId: entry.id,
            receivedBy: input.handover.receivedBy,
            recipientName: input.handover.recipientName,
            powerOfAttorney: input.handover.powerOfAttorney,
          });
        }
        if (input.annulment) {
          single.setClock(input.annulment.at);
          await single.services.register.entries.annul(input.user, { entryId: entry.id, reason: input.annulment.reason });
        }
      }

      const fromBatch = await written(batched);
      expect(await batched.db.get('SELECT COUNT(*) AS n FROM entries')).toEqual({ n: ENTRIES });
      expect(fromBatch).toMatch(/"received_by": "subject"/);
      expect(fromBatch).not.toMatch(/unnamed-id/);
      expect(fromBatch).toBe(await written(single));
      for (const desk of [batched, single]) {
        for (const office of desk.cast.offices) expect((await desk.services.register.verification.verifyJournal(null, office.journalId)).ok).toBe(true);
      }
    } finally {
      await batched.dispose();
      await single.dispose();
    }
  }, 120_000);
});
