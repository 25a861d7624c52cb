import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { groupShortCode, openKeyStore, shortCodeFor } from '../../../electron/documents/verification.js';
import { registerPath } from '../../../electron/register/database.js';
import { createRegisterServices, type RegisterDb } from '../../../electron/register/index.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { onPostgres } from '../../support/register-backend.js';
import { allowAll, certificate, setUpRegister, type TestRegister } from '../register/fixtures.js';
import { completeFamilyDraft, disposeRegisterOf, openTestDesk, registerOptionsOf, type TestDesk } from './desk-harness.js';

/**
 * A certificate's short verification code is bound in its entry's own transaction: there is no
 * moment, crash or restore after which the journal holds a certificate whose printed code the
 * register does not know (the QR would say «valid», the code «unknown»).
 */

let register: TestRegister | undefined;
let open: TestDesk | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
  await open?.close();
  open = undefined;
});

const CODE = 'ABCDEFGHJK';

async function codeOf(db: RegisterDb, entryId: string): Promise<string | undefined> {
  return (await db.get<{ short_code: string }>('SELECT short_code FROM document_codes WHERE entry_id = ?', [entryId]))?.short_code;
}

/** The desk stops right after the entry's COMMIT: nothing it would do next is written. */
function stoppingAfterFirstWrite(db: RegisterDb): RegisterDb {
  let stopped = false;
  const stop = () => {
    if (stopped) throw new Error('the desk has stopped');
  };
  return {
    ...db,
    write: async (work) => {
      stop();
      try {
        return await db.write(work);
      } finally {
        stopped = true;
      }
    },
    run: async (sql, params) => {
      stop();
      return db.run(sql, params);
    },
  };
}

describe('the short code of a new certificate', () => {
  it('commits with its entry: a desk that stops right after COMMIT leaves both, a rolled-back entry neither', async () => {
    register = await setUpRegister();
    const stopping = createRegisterServices({ db: stoppingAfterFirstWrite(register.db), dataDir: register.dir, now: register.clock.now });
    const entry = await stopping.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll, documentCode: () => CODE });
    expect(await codeOf(register.db, entry.id)).toBe(CODE);

    const refusing = async () => {
      throw new DeskError('rule_violation', 'errors.rules.checklistIncomplete');
    };
    const failing = createRegisterServices({
      db: { ...register.db, write: (work) => register!.db.write(async (tx) => (await work(tx), await refusing())) },
      dataDir: register.dir,
      now: register.clock.now,
    });
    await expect(
      failing.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll, documentCode: () => 'MNPQRSTVWX' }),
    ).rejects.toMatchObject({ code: 'rule_violation' });
    expect(await register.db.get('SELECT entry_id FROM document_codes WHERE short_code = ?', ['MNPQRSTVWX'])).toBeUndefined();
  });

  it('issued through the desk is bound before anything is printed, and answers «valid» after a restart', async () => {
    open = await openTestDesk();
    const { dataDir } = open;
    const { entry } = await open.call('entries.issueCertificate', { journalId: open.journalId, signatoryId: open.signatoryId, certificate: completeFamilyDraft() });
    const code = shortCodeFor(entry.id, openKeyStore(dataDir).shortCodeSecret());
    expect(await codeOf(open.desk.register.ctx.db, entry.id)).toBe(code);
    await open.desk.close();
    const reopened = await createDesk({ dataDir, demo: false, appVersion: 'test', ...registerOptionsOf(dataDir) });
    try {
      const call = async (channel: string, input: unknown) => {
        const result = await reopened.dispatcher.dispatch(channel, input, { sessionKey: 'after-restart', transport: 'cli' });
        if (!result.ok) throw DeskError.fromShape(result.error);
        return result.value;
      };
      await call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
      expect(await call('documents.verify', { text: groupShortCode(code) })).toMatchObject({ status: 'valid', entry: { id: entry.id } });
    } finally {
      await reopened.close();
      await disposeRegisterOf(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
      open = undefined;
    }
  });

  it.skipIf(onPostgres)('of an entry issued before codes were bound with it is bound when the certificate is printed', async () => {
    open = await openTestDesk();
    const { entry } = await open.call('entries.issueCertificate', { journalId: open.journalId, signatoryId: open.signatoryId, certificate: completeFamilyDraft() });
    removeCodeRow(registerPath(open.dataDir), entry.id);
    expect(await codeOf(open.desk.register.ctx.db, entry.id)).toBeUndefined();
    await open.call('documents.render', { entryId: entry.id });
    const code = shortCodeFor(entry.id, openKeyStore(open.dataDir).shortCodeSecret());
    expect(await codeOf(open.desk.register.ctx.db, entry.id)).toBe(code);
    expect(await open.call('documents.verify', { text: code })).toMatchObject({ status: 'valid' });
  });
});

/** An older register: the certificate's code row absent (removed with its trigger off, then the trigger put back). */
function removeCodeRow(file: string, entryId: string): void {
  const raw = new Database(file);
  try {
    raw.transaction(() => {
      const trigger = raw.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'document_codes_no_delete'").get() as { sql: string };
      raw.exec('DROP TRIGGER document_codes_no_delete');
      raw.prepare('DELETE FROM document_codes WHERE entry_id = ?').run(entryId);
      raw.exec(trigger.sql);
    })();
  } finally {
    raw.close();
  }
}
