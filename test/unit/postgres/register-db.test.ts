import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { connectPostgresRegister, type PostgresRegisterDb } from '../../../electron/register/postgres/register-db.js';
import { createTestDatabase, startTestCluster, type TestCluster, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres } from '../../support/postgres/vitest.js';

/**
 * The connection layer: transactions, routing of `db` inside them, retries, and failures. This
 * file restarts its server, so it runs on a cluster of its own, not the run's shared one.
 */
describePostgres('the PostgreSQL register connection', () => {
  let cluster: TestCluster;
  let database: TestDatabase | undefined;
  let db: PostgresRegisterDb | undefined;
  let observer: pg.Client | undefined;

  beforeAll(async () => {
    cluster = await startTestCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  /** A new database, the register on it as the app role, and a separate owner connection to look from. */
  async function fresh(): Promise<{ database: TestDatabase; db: PostgresRegisterDb }> {
    database = await createTestDatabase({ cluster: cluster.info });
    db = await connectPostgresRegister({ url: database.appUrl, applicationName: 'desk-test' });
    await reconnectObserver();
    return { database, db };
  }
  async function reconnectObserver(): Promise<void> {
    await observer?.end().catch(() => undefined);
    if (!database) return;
    observer = new pg.Client({ connectionString: database.url });
    // The observer's connection is dropped by the restarts too: expected, not a failure.
    observer.on('error', () => undefined);
    await observer.connect();
  }
  afterEach(async () => {
    await observer?.end().catch(() => undefined);
    await db?.close();
    await database?.drop();
    [observer, db, database] = [undefined, undefined, undefined];
  });

  const settingsKeys = async () =>
    (await observer!.query<{ key: string }>('SELECT key FROM settings ORDER BY key')).rows.map((row) => row.key);

  it('statements on the register inside write() join the transaction; a failure keeps none of them', async () => {
    const { db } = await fresh();
    const failure = await db
      .write(async (tx) => {
        await tx.run("INSERT INTO settings (key, value) VALUES (?, '1')", ['by-tx']);
        // `db`, not `tx`: a service passing the wrong handle still writes inside the transaction.
        await db.run("INSERT INTO settings (key, value) VALUES (?, '1')", ['by-db']);
        expect(await settingsKeys()).toEqual([]);
        expect(await db.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).toEqual([{ key: 'by-db' }, { key: 'by-tx' }]);
        throw new Error('stop');
      })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe('stop');
    expect(await settingsKeys()).toEqual([]);
  });

  it('commits, nests, and reports changes; counts come back as numbers', async () => {
    const { db } = await fresh();
    const changes = await db.write(async (tx) => {
      await tx.run("INSERT INTO settings (key, value) VALUES ('a', '1'), ('b', '2')");
      return db.write((inner) => inner.run("UPDATE settings SET value = '3' WHERE key IN (?, ?)", ['a', 'b']));
    });
    expect(changes).toEqual({ changes: 2 });
    expect(await settingsKeys()).toEqual(['a', 'b']);
    expect(await db.get('SELECT COUNT(*) AS n, SUM(CAST(value AS INTEGER)) AS total FROM settings')).toEqual({ n: 2, total: 6 });
    await expect(db.read((tx) => tx.run("INSERT INTO settings (key, value) VALUES ('c', '1')"))).rejects.toMatchObject({ code: '25006' });
  });

  it('retries the whole work after a deadlock, so both writers succeed', async () => {
    const { db } = await fresh();
    await db.run("INSERT INTO settings (key, value) VALUES ('a', '0'), ('b', '0')");
    let bothLocked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
    let arrived = 0;
    const attempts = { ab: 0, ba: 0 };
    const bump = (order: 'ab' | 'ba') =>
      db.write(async (tx) => {
        attempts[order] += 1;
        const [first, second] = order === 'ab' ? ['a', 'b'] : ['b', 'a'];
        await tx.run('UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ?', [first as string]);
        arrived += 1;
        if (arrived === 2) bothLocked();
        await barrier;
        await tx.run('UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ?', [second as string]);
      });
    await Promise.all([bump('ab'), bump('ba')]);
    expect(attempts.ab + attempts.ba).toBe(3);
    expect(await db.all('SELECT key, value FROM settings ORDER BY key')).toEqual([
      { key: 'a', value: '2' },
      { key: 'b', value: '2' },
    ]);
  });

  it('retries a serialization failure and gives up after a bounded number of attempts', async () => {
    const { db } = await fresh();
    let attempts = 0;
    const raise = "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$";
    await db.write(async (tx) => {
      attempts += 1;
      await tx.run("INSERT INTO settings (key, value) VALUES (?, '1')", [`try-${attempts}`]);
      if (attempts < 3) await tx.run(raise);
    });
    expect(await settingsKeys()).toEqual(['try-3']);
    let endless = 0;
    const failure = await db
      .write(async (tx) => {
        endless += 1;
        await tx.run(raise);
      })
      .catch((error: unknown) => error);
    expect((failure as { code?: string }).code).toBe('40001');
    expect(endless).toBeGreaterThan(1);
    expect(endless).toBeLessThan(20);
  }, 60_000);

  it('a server restarted between statements: serverUnavailable, no partial row, and the next try works', async () => {
    const { db } = await fresh();
    const failure = await db
      .write(async (tx) => {
        await tx.run("INSERT INTO settings (key, value) VALUES ('half', '1')");
        await cluster.restart();
        await tx.run("INSERT INTO settings (key, value) VALUES ('other-half', '1')");
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeskError);
    expect((failure as DeskError).messageKey).toBe('errors.register.serverUnavailable');
    expect((failure as DeskError).params).toEqual({ server: db.location.server });
    await reconnectObserver();
    expect(await settingsKeys()).toEqual([]);
    await db.write((tx) => tx.run("INSERT INTO settings (key, value) VALUES ('retried', '1')"));
    expect(await settingsKeys()).toEqual(['retried']);
  }, 60_000);

  it('a server restarted while a statement runs: serverUnavailable and nothing written', async () => {
    const { db } = await fresh();
    const writing = db
      .write(async (tx) => {
        await tx.run("INSERT INTO settings (key, value) VALUES ('half', '1')");
        await tx.run('SELECT pg_sleep(30)');
      })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cluster.restart();
    expect(await writing).toMatchObject({ messageKey: 'errors.register.serverUnavailable' });
    await reconnectObserver();
    expect(await settingsKeys()).toEqual([]);
  }, 60_000);

  describe('connecting', () => {
    it('an unreachable server is reported by host and port, never with the password', async () => {
      const port = cluster.info.port === 1 ? 2 : 1;
      const failure = await connectPostgresRegister({ url: `postgres://desk_app@127.0.0.1:${port}/x` }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DeskError);
      expect((failure as DeskError).toShape()).toEqual({
        code: 'storage',
        messageKey: 'errors.register.serverUnavailable',
        params: { server: `127.0.0.1:${port}` },
      });
      expect(JSON.stringify(failure) + String(failure)).not.toContain('app-secret-pw');
    });

    it('a server without TLS: reached on loopback without sslmode, refused where TLS is due (the default off this computer)', async () => {
      database = await createTestDatabase({ cluster: cluster.info });
      const plain = await connectPostgresRegister({ url: database.appUrl });
      expect(await plain.get<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).toEqual({ ssl: false });
      await plain.close();
      // What a server name off this computer gets without sslmode (connection-options.test.ts): verify-full.
      await expect(connectPostgresRegister({ url: `${database.appUrl}?sslmode=verify-full` })).rejects.toMatchObject({
        messageKey: 'errors.register.serverCertificate',
      });
    });

    it('a wrong password is a refused login; the right one from PGPASSWORD connects', async () => {
      database = await createTestDatabase({ cluster: cluster.info });
      const created = database;
      const previous = process.env.PGPASSWORD;
      process.env.PGPASSWORD = 'wrong';
      try {
        await expect(connectPostgresRegister({ url: created.appUrl })).rejects.toMatchObject({ messageKey: 'errors.register.serverLogin' });
        process.env.PGPASSWORD = cluster.info.app.password;
        const connected = await connectPostgresRegister({ url: created.appUrl });
        db = connected;
        expect(connected.location).toEqual({ backend: 'postgres', server: `127.0.0.1:${cluster.info.port}`, database: created.name });
        expect(JSON.stringify(connected.location)).not.toContain(cluster.info.app.password);
      } finally {
        if (previous === undefined) delete process.env.PGPASSWORD;
        else process.env.PGPASSWORD = previous;
      }
      await reconnectObserver();
    });
  });
});
