import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectPostgresRegister } from '../../../electron/register/postgres/register-db.js';
import { createTestDatabase, startTestCluster, type TestCluster, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres } from '../../support/postgres/vitest.js';

/** A council CA, a server certificate it signed for `names`, and a stranger CA that signed nothing here. */
function makeCertificates(dir: string, names: string): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-new', '-x509', '-days', '2', '-nodes', '-subj', '/CN=Council CA', '-keyout', 'ca.key', '-out', 'ca.crt');
  openssl('req', '-new', '-x509', '-days', '2', '-nodes', '-subj', '/CN=Stranger CA', '-keyout', 'other.key', '-out', 'other.crt');
  openssl('req', '-new', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr');
  fs.writeFileSync(path.join(dir, 'san.ext'), `subjectAltName=${names}\n`);
  openssl('x509', '-req', '-in', 'server.csr', '-days', '2', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'server.crt', '-extfile', 'san.ext');
  fs.chmodSync(path.join(dir, 'server.key'), 0o600);
}

describePostgres('TLS with verify-full against a real server', () => {
  let cluster: TestCluster;
  let database: TestDatabase;

  beforeAll(async () => {
    cluster = await startTestCluster({
      prepare: (dir) => makeCertificates(dir, 'DNS:localhost,IP:127.0.0.1'),
      // 127.0.0.2 too: a host the certificate does not name, on the same server.
      settings: ['ssl=on', 'ssl_cert_file=../server.crt', 'ssl_key_file=../server.key', "listen_addresses='127.0.0.1,127.0.0.2'"],
    });
    database = await createTestDatabase({ cluster: cluster.info });
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
    await cluster?.stop();
  });

  const caFile = (name: string) => path.join(cluster.info.baseDir, name);

  it('connects when the server certificate chains to the council CA and names the host (by IP or DNS)', async () => {
    for (const url of [database.appUrl, database.appUrl.replace('127.0.0.1', 'localhost')]) {
      const db = await connectPostgresRegister({ url, caFile: caFile('ca.crt') });
      try {
        expect(await db.get<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).toEqual({ ssl: true });
      } finally {
        await db.close();
      }
    }
  });

  it('refuses a server whose certificate another CA signed', async () => {
    await expect(connectPostgresRegister({ url: database.appUrl, caFile: caFile('other.crt') })).rejects.toMatchObject({
      messageKey: 'errors.register.serverCertificate',
    });
  });

  it('refuses a certificate that does not name the host dialled', async () => {
    const url = database.appUrl.replace('127.0.0.1', '127.0.0.2');
    await expect(connectPostgresRegister({ url, caFile: caFile('ca.crt') })).rejects.toMatchObject({
      messageKey: 'errors.register.serverCertificate',
    });
  });
});
