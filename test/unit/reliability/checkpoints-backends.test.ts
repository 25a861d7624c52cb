import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../electron/cli/command.js';
import { runCli } from '../../../electron/cli/main.js';
import { readAllNotes } from '../../../electron/register/checkpoints/checkpoint-log.js';
import { openOwnCheckpoint } from '../../../electron/register/checkpoints/journal-checkpoints.js';
import { merkleRoot } from '../../../electron/register/checkpoints/merkle.js';
import { entryHash } from '../../../electron/register/hash-chain.js';
import type { SqlValue } from '../../../electron/register/sql.js';
import { tamperWith } from '../../reliability/support/register-check.js';
import { onPostgres } from '../../support/register-backend.js';
import { completeFamilyDraft, openTestDesk, registerOptionsOf, registerTargetOf, type TestDesk } from '../app/desk-harness.js';

/**
 * Signed checkpoints on both backends (R7.7): a desk whose register is on the server signs the
 * same checkpoints into its own data folder, and `cli verify --data-dir DIR --database URL`
 * compares the server's journal with them. The file-only attacks (an old copy put back) are in
 * checkpoints.test.ts; here the register is changed the way the server's superuser could.
 */

const ENTRIES = 4;
let desk: TestDesk;
let database: string[];

beforeAll(async () => {
  desk = await openTestDesk();
  for (let index = 0; index < ENTRIES; index += 1) {
    const certificate = completeFamilyDraft();
    certificate.subject.name.familyName = index % 2 ? 'Бондаренко' : 'Шевченко';
    await desk.call('entries.issueCertificate', { journalId: desk.journalId, signatoryId: desk.signatoryId, certificate });
    // Each certificate is its own request at a desk: the event loop turns between them.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await desk.desk.close();
  const url = registerOptionsOf(desk.dataDir).database;
  database = url ? ['--database', url] : [];
}, 120_000);

afterAll(async () => {
  await desk?.close().catch(() => undefined);
});

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

interface Row {
  id: string;
  year: number;
  number: number;
  printedNumber: string;
  sort: string;
  kinds: string;
  createdAt: string;
  localDate: string;
  createdBy: string;
  content: string;
  hash: string;
}

async function journalRows(): Promise<Row[]> {
  const db = await registerTargetOf(desk.dataDir).connectAgain();
  try {
    return await db.all<Row>(
      `SELECT id, year, number, printed_number AS "printedNumber", sort, kinds, created_at AS "createdAt", local_date AS "localDate",
         created_by AS "createdBy", content, hash FROM entries WHERE journal_id = ? ORDER BY year, number`,
      [desk.journalId],
    );
  } finally {
    await db.close();
  }
}

describe(`signed checkpoints of a register on ${onPostgres ? 'PostgreSQL' : 'SQLite'} (R7.7)`, () => {
  it('issuing writes a checkpoint that verifies with the office key and names the register’s own Merkle root', async () => {
    const notes = readAllNotes(desk.dataDir, desk.journalId);
    const latest = openOwnCheckpoint(desk.dataDir, notes.at(-1)!);
    const rows = await journalRows();
    expect(rows).toHaveLength(ENTRIES);
    expect(latest?.body.size).toBe(ENTRIES);
    expect(latest?.body.root.equals(merkleRoot(rows.map((row) => row.hash)))).toBe(true);
  });

  it('cli verify compares the register with it, and names the entry rewritten and rechained behind the desk’s back', async () => {
    const sound = captureIo();
    await expect(runCli(['verify', '--data-dir', desk.dataDir, ...database], sound.io)).resolves.toBe(0);
    expect(sound.out.join('\n')).toContain(t('cli.verify.checkpointOk', { at: '', size: ENTRIES }).split('{{')[0]!.slice(0, 30));
    expect(sound.out.join('\n')).toContain(`(${ENTRIES} `);
    if (onPostgres) {
      // Without the desk's folder the server's journal cannot be compared with its checkpoints: said, not implied.
      const serverOnly = captureIo();
      await expect(runCli(['verify', ...database], serverOnly.io)).resolves.toBe(0);
      expect(serverOnly.out).toContain(t('cli.verify.checkpointsElsewhere'));
      expect(serverOnly.out.join('\n')).not.toContain(`(${ENTRIES} `);
    }

    const rows = await journalRows();
    const statements: [string, SqlValue[]][] = [];
    let prevHash = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const text = row === rows[1] ? row.content.replaceAll('Бондаренко', 'Бондар') : row.content;
      const content = JSON.parse(text) as unknown;
      const hash = entryHash(prevHash, {
        id: row.id,
        journalId: desk.journalId,
        year: row.year,
        number: row.number,
        printedNumber: row.printedNumber,
        sort: row.sort,
        kinds: JSON.parse(row.kinds) as string[],
        createdAt: row.createdAt,
        localDate: row.localDate,
        createdBy: row.createdBy,
        content,
      });
      statements.push(['UPDATE entries SET content = ?, prev_hash = ?, hash = ? WHERE id = ?', [text, prevHash, hash, row.id]]);
      prevHash = hash;
    }
    // With the triggers off, as the server's superuser or a SQLite editor could (and put back on the file).
    if (onPostgres) await registerTargetOf(desk.dataDir).tamper(statements);
    else tamperWith(desk.dataDir, (raw) => statements.forEach(([sql, params]) => raw.prepare(sql).run(...params)));
    // The chain alone is sound again: only the signed checkpoint can tell.
    const changed = captureIo();
    await expect(runCli(['verify', '--data-dir', desk.dataDir, ...database], changed.io)).resolves.toBe(1);
    expect(changed.err.join('\n')).toMatch(new RegExp(`запис № ${rows[1]!.printedNumber.replace('/', '\\/')} .*переписано`));
  });
});
