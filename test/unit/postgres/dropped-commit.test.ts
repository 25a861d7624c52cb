import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { connectRegister } from '../../../electron/register/connect.js';
import { createRegisterServices, type RegisterDb, type RegisterServices } from '../../../electron/register/index.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';
import { allowAll, certificate, HEAD_PASSWORD, requisites } from '../register/fixtures.js';

/**
 * A real server, and a real connection cut with the server's answer to COMMIT on its way: a
 * loopback proxy between the desk and PostgreSQL passes everything through until it sees the
 * desk send COMMIT, lets the server answer it (so the server has committed), then closes the
 * desk's side instead of passing the answer on. The desk must look the entry up before it says
 * anything, and the same form sent again must never take a second number (R7.7).
 */

interface CommitCutter {
  readonly port: number;
  /**
   * Cut the next connection that sends COMMIT, once the server has answered it; `thenDown`: the
   * network stays down from that moment (every connection cut, new ones refused) until `setDown(false)`.
   */
  armNextCommit(options?: { thenDown: boolean }): void;
  setDown(down: boolean): void;
  readonly cuts: number;
  close(): Promise<void>;
}

/** A simple-protocol query message carrying exactly `COMMIT` (what `client.query('COMMIT')` sends). */
const COMMIT_MESSAGE = Buffer.concat([Buffer.from('Q'), Buffer.from([0, 0, 0, 11]), Buffer.from('COMMIT\0')]);

async function commitCutter(serverPort: number): Promise<CommitCutter> {
  let armed = false;
  let downAfterCut = false;
  let down = false;
  let cuts = 0;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((desk) => {
    if (down) {
      desk.destroy();
      return;
    }
    const server = net.connect(serverPort, '127.0.0.1');
    sockets.add(desk).add(server);
    let cutOnAnswer = false;
    desk.on('data', (chunk: Buffer) => {
      if (armed && chunk.includes(COMMIT_MESSAGE)) {
        armed = false;
        cutOnAnswer = true;
      }
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (!cutOnAnswer) {
        desk.write(chunk);
        return;
      }
      // The server has answered COMMIT: it committed. The desk never hears it.
      cuts += 1;
      desk.destroy();
      server.destroy();
      if (downAfterCut) {
        down = true;
        for (const socket of sockets) socket.destroy();
      }
    });
    const end = () => {
      desk.destroy();
      server.destroy();
      sockets.delete(desk);
      sockets.delete(server);
    };
    desk.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    armNextCommit: (options) => {
      armed = true;
      downAfterCut = options?.thenDown ?? false;
    },
    setDown: (value) => {
      down = value;
    },
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}

interface Workstation {
  readonly services: RegisterServices;
  readonly head: SessionUser;
  readonly journalId: string;
  readonly db: RegisterDb;
}

/** A register set up on the server, as a workstation connected through the proxy sees it. */
async function workstationThrough(database: TestDatabase, proxyPort: number, dataDir: string): Promise<Workstation> {
  const url = new URL(database.appUrl);
  url.port = String(proxyPort);
  const db = await connectRegister({ dataDir, database: url.toString() });
  const services = createRegisterServices({ db, dataDir, now: () => new Date('2025-06-02T09:00:00.000Z') });
  const ids = await services.setup.run({
    requisites,
    centralOffice: { name: 'ЦНАП', code: 'CNAP' },
    journal: { index: '01-21', title: 'Журнал реєстрації довідок' },
    head: { login: 'head', fullName: 'Петренко Ольга Іванівна', password: HEAD_PASSWORD },
  });
  const { user } = await services.auth.login('head-window', 'head', HEAD_PASSWORD);
  return { services, head: user, journalId: ids.journalId, db };
}

function issue(station: Workstation, submissionKey: string) {
  return station.services.entries.appendEntry({ journalId: station.journalId, content: certificate(), user: station.head, gate: allowAll, submissionKey });
}

async function numbersIn(station: Workstation): Promise<number[]> {
  const rows = await station.db.all<{ number: number }>('SELECT number FROM entries WHERE journal_id = ? ORDER BY number', [station.journalId]);
  return rows.map((row) => Number(row.number));
}

describePostgres('a connection cut with the answer to COMMIT, on a real server', () => {
  const cluster = useTestCluster();

  async function withWorkstation(test: (station: Workstation, cutter: CommitCutter) => Promise<void>): Promise<void> {
    const database = await createTestDatabase({ cluster: cluster() });
    const cutter = await commitCutter(cluster().port);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-dropped-commit-'));
    let station: Workstation | undefined;
    try {
      station = await workstationThrough(database, cutter.port, dataDir);
      await test(station, cutter);
    } finally {
      await station?.db.close();
      await cutter.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('reports the certificate as issued when the server committed it, and the same form sent again gets that entry', async () => {
    await withWorkstation(async (station, cutter) => {
      const key = crypto.randomUUID();
      cutter.armNextCommit();
      const issued = await issue(station, key);
      expect(cutter.cuts).toBe(1);
      expect(await numbersIn(station)).toEqual([issued.number]);
      const again = await issue(station, key);
      expect(again.id).toBe(issued.id);
      expect(await numbersIn(station)).toEqual([issued.number]);
    });
  });

  it('says the outcome is unknown while the server cannot be asked; once it can, the same form gets the committed entry, not a second number', async () => {
    await withWorkstation(async (station, cutter) => {
      const key = crypto.randomUUID();
      cutter.armNextCommit({ thenDown: true });
      await expect(issue(station, key)).rejects.toMatchObject({ code: 'storage', messageKey: 'errors.register.serverOutcomeUnknown' });
      expect(cutter.cuts).toBe(1);
      cutter.setDown(false);
      const retried = await issue(station, key);
      expect(await numbersIn(station)).toEqual([retried.number]);
      const next = await issue(station, crypto.randomUUID());
      expect(next.number).toBe(retried.number + 1);
    });
  });
});
