import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, testClock, type Centre, type RemoteDesk } from './helpers.js';

/** R3.5: the exchange routine from the command line, as the council's IT person runs it. */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remote: RemoteDesk;
let stick: string;

async function cli(args: string[], password: string) {
  const out: string[] = [];
  const err: string[] = [];
  process.env.CNAP_PASSWORD = password;
  try {
    const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.CNAP_PASSWORD;
  }
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  remote = await installRemote(centre, await addRemoteOffice(centre, 'VRM-07', '07-01'), clock.now);
  stick = mkdtempSync(path.join(os.tmpdir(), 'desk-cli-stick-'));
}, 60_000);

afterAll(async () => {
  await remote?.close();
  await centre?.close();
  rmSync(stick, { recursive: true, force: true });
});

describe('exchange commands', () => {
  it('has --help for each command', async () => {
    for (const name of ['export-bundle', 'import-bundle', 'export-workplace', 'import-updates']) {
      const result = await cli([name, '--help'], '');
      expect(result.code).toBe(0);
      expect(result.out).toContain(`npm run cli -- ${name} --data-dir DIR`);
    }
  });

  it('carries a bundle from the remote folder to the centre, and says so when it is imported twice', async () => {
    await issueFamily(remote, centre.signatoryId, 'Тимошенко');
    const exported = await cli(['export-bundle', '--data-dir', remote.dataDir, '--login', remote.office.login, '--out', stick], remote.office.password);
    expect(exported.code).toBe(0);
    const files = readdirSync(stick);
    expect(files).toEqual([expect.stringMatching(/^VRM-07_.*_0001\.cnapbundle$/)]);
    const file = path.join(stick, files[0] as string);
    const head = ['--data-dir', centre.dataDir, '--login', SAMPLE_HEAD.login, '--file', file];
    const imported = await cli(['import-bundle', ...head], SAMPLE_HEAD.password);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('07-01/1');
    const again = await cli(['import-bundle', ...head], SAMPLE_HEAD.password);
    expect(again.code).toBe(0);
    expect(again.out).not.toBe(imported.out);
    const cut = path.join(stick, 'cut.cnapbundle');
    writeFileSync(cut, Buffer.alloc(20, 1));
    const refused = await cli(['import-bundle', ...head.slice(0, -1), cut], SAMPLE_HEAD.password);
    expect(refused.code).toBe(1);
    expect(refused.err.length).toBeGreaterThan(0);
  });

  it('writes a workplace package with its passphrase, and applies an update package at the remote', async () => {
    await addRemoteOffice(centre, 'VRM-08', '08-01');
    const workplace = await cli(['export-workplace', '--data-dir', centre.dataDir, '--login', SAMPLE_HEAD.login, '--office', 'VRM-08', '--out', stick], SAMPLE_HEAD.password);
    expect(workplace.code).toBe(0);
    expect(existsSync(path.join(stick, 'VRM-08_workplace_0001.cnapworkplace'))).toBe(true);
    expect(workplace.out).toMatch(/[0-9A-Z]{4}(-[0-9A-Z]{4}){4}/);
    const update = await centre.exchange.exportUpdates(centre.head, remote.office.officeId);
    const file = path.join(stick, update.fileName);
    writeFileSync(file, update.data);
    const applied = await cli(['import-updates', '--data-dir', remote.dataDir, '--login', remote.office.login, '--file', file], remote.office.password);
    expect(applied.code).toBe(0);
    expect((await remote.exchange.status()).mode === 'remote' && (await remote.exchange.status())).toMatchObject({ acknowledged: { sequence: 1 } });
    const wrongUser = await cli(['import-updates', '--data-dir', remote.dataDir, '--login', remote.office.login, '--file', file], 'не той пароль');
    expect(wrongUser.code).toBe(1);
  });
});
