import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createDesk } from '../../../electron/app/desk.js';
import { setUpSampleRegister } from '../../../electron/app/sample-register.js';
import { DeskError } from '../../../shared/contract/errors.js';
import type { ChannelName, Contract } from '../../../shared/contract/index.js';
import type { InputOf, OutputOf } from '../../../shared/contract/define.js';
import { spawnIssuer } from '../../reliability/support/children.js';
import { createTestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';

const WORKSTATIONS = 4;
const PER_WORKSTATION = 500;

/** A register on the server set up through the desk (council, office, journal, head, signatory). */
async function setUpServerRegister(database: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-server-setup-'));
  const desk = await createDesk({ dataDir, database, demo: false, appVersion: 'test' });
  try {
    const call = async <N extends ChannelName>(channel: N, input: InputOf<Contract[N]>) => {
      const result = await desk.dispatcher.dispatch(channel, input, { sessionKey: 'head-session', transport: 'cli' });
      if (!result.ok) throw DeskError.fromShape(result.error);
      return result.value as OutputOf<Contract[N]>;
    };
    return await setUpSampleRegister(call);
  } finally {
    await desk.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describePostgres('several workstations, one journal on the server (R7.12: one numbering)', () => {
  const cluster = useTestCluster();

  it(`${WORKSTATIONS} processes issuing ${PER_WORKSTATION} certificates each number them 1…${WORKSTATIONS * PER_WORKSTATION}, every chain verifying`, async () => {
    const database = await createTestDatabase({ cluster: cluster() });
    const dataDirs: string[] = [];
    try {
      const sample = await setUpServerRegister(database.appUrl);
      // Each workstation has its own folder (its keys), as on separate PCs; the register is shared.
      const writers = Array.from({ length: WORKSTATIONS }, () => {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-workstation-'));
        dataDirs.push(dataDir);
        return spawnIssuer({ dataDir, database: database.appUrl, journalId: sample.journalId, signatoryId: sample.signatoryId, remove: async () => undefined }, PER_WORKSTATION);
      });
      const exits = await Promise.all(writers.map((writer) => writer.exited));
      for (const exit of exits) expect(exit, exit.stderr).toMatchObject({ code: 0 });

      const reported = writers.flatMap((writer) => writer.issued.map((issued) => issued.number)).sort((a, b) => a - b);
      const expected = Array.from({ length: WORKSTATIONS * PER_WORKSTATION }, (_, index) => index + 1);
      expect(reported).toEqual(expected);

      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-server-check-'));
      dataDirs.push(dataDir);
      const desk = await createDesk({ dataDir, database: database.appUrl, demo: false, appVersion: 'test' });
      try {
        const stored = await desk.register.ctx.db.all<{ number: number }>('SELECT number FROM entries WHERE journal_id = ? ORDER BY number', [sample.journalId]);
        expect(stored.map((row) => row.number)).toEqual(expected);
        const health = await desk.register.verification.verifyAllJournals();
        for (const journal of health.journals) expect(journal.result, journal.journalIndex).toMatchObject({ ok: true });
        expect(health.journals.find((journal) => journal.journalId === sample.journalId)?.result).toEqual({ ok: true, entries: expected.length });
      } finally {
        await desk.close();
      }
    } finally {
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  }, 600_000);
});
