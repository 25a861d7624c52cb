import { createHash } from 'node:crypto';
import type { DeskCast, DeskServices } from '../../electron/app/synthetic/desk-cast.js';
import type { RegisterDb } from '../../electron/register/index.js';
import { chainPage, getEntryRecord } from '../../electron/register/repositories/entries.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * SHA-256 over every journal's entries (numbers, instants, content, creator, handover and
 * annulment) with the setup's ids replaced by stable names (office code, login, directory row
 * names), so two registers generated with the same seed have the same digest.
 */
export async function registerDigest(db: RegisterDb, services: DeskServices, cast: DeskCast): Promise<string> {
  const names = new Map<string, string>();
  for (const office of cast.offices) {
    names.set(office.officeId, `office:${office.code}`);
    names.set(office.journalId, `journal:${office.code}`);
    names.set(office.signatory.signatoryId, `signatory:${office.code}`);
  }
  for (const user of await services.register.users.list(cast.head)) names.set(user.id, `user:${user.login}`);
  for (const body of cast.bodies) names.set(body.id, `body:${body.history.name}`);
  const stable = (text: string) => text.replace(UUID, (id) => names.get(id) ?? id);
  const hash = createHash('sha256');
  for (const office of cast.offices) {
    let after = { year: 0, number: 0 };
    for (;;) {
      const rows = await chainPage(db, office.journalId, after, 1_000);
      for (const row of rows) {
        // Read through the repository: the service's getEntry would log a view per entry.
        const { handover, annulment } = (await getEntryRecord(db, row.id)) ?? {};
        hash.update(stable(JSON.stringify([row.id, row.printedNumber, row.createdAt, row.localDate, row.sort, row.kindsJson, row.createdBy, row.contentJson, handover, annulment])));
        after = { year: row.year, number: row.number };
      }
      if (rows.length < 1_000) break;
    }
  }
  return hash.digest('hex');
}
