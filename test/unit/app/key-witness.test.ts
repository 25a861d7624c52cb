import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentsHandlers } from '../../../electron/app/handlers/documents.js';
import { keysOfRegister } from '../../../electron/app/key-witness.js';
import { createPrintingService } from '../../../electron/app/printing.js';
import { deskServices } from '../../../electron/app/synthetic/desk-cast.js';
import { councilHeaderFrom } from '../../../electron/documents/header.js';
import { openKeyStore, stampEntry } from '../../../electron/documents/verification.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { completeFamilyDraft, openTestDesk, type TestDesk } from './desk-harness.js';
import { registerVerificationLookup } from '../../../electron/register/services/verification-lookup.js';

/**
 * A second workstation on the same register (PostgreSQL) whose data folder lacks the
 * office's `keys/`: it must not print codes that fail verification, nor call genuine ones forged.
 */

let t: TestDesk;
const folders: string[] = [];
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'desk-workstation-'));
  folders.push(folder);
  return folder;
}

/** Another workstation's printing and verification, on the first one's register, with `dataDir`'s keys. */
function workstation(dataDir: string) {
  const register = t.desk.register;
  const db = register.ctx.db;
  const keyStore = openKeyStore(dataDir);
  const { templates } = deskServices(register, db, () => new Date());
  const keys = keysOfRegister(register.settings, keyStore);
  const printing = createPrintingService({ register, templates, keyStore, keys, trainingMode: false, now: () => new Date() });
  const documents = documentsHandlers({
    keyStore,
    keys,
    councilHeader: async () => councilHeaderFrom(await register.settings.getRequisites()),
    lookup: registerVerificationLookup(db, keyStore),
  });
  return { keyStore, printing, verify: (text: string) => documents['documents.verify']({ text }, { user: null, sessionKey: 'other', transport: 'cli' }) };
}

function headOf(entry: EntryRecord): SessionUser {
  return { userId: entry.createdBy.userId, login: 'head', fullName: entry.createdBy.fullName, role: 'head', officeId: t.officeId };
}

describe('keys of another workstation', () => {
  it('stop printing and verification there, with the reason, until the office’s keys folder is copied in', async () => {
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: completeFamilyDraft() });
    await t.call('documents.render', { entryId: entry.id });
    const firstKeys = openKeyStore(t.dataDir);
    const code = stampEntry(entry, firstKeys).shortCode;
    expect(await t.call('documents.verify', { text: code })).toMatchObject({ status: 'valid' });

    const stranger = workstation(dataFolder());
    const refused = { code: 'conflict', messageKey: 'errors.documents.keysOfAnotherWorkstation' };
    await expect(stranger.printing.entryDocument(headOf(entry), { entryId: entry.id })).rejects.toMatchObject(refused);
    await expect(stranger.verify(code)).rejects.toMatchObject(refused);

    const copied = dataFolder();
    cpSync(path.join(t.dataDir, 'keys'), path.join(copied, 'keys'), { recursive: true });
    const colleague = workstation(copied);
    const printed = await colleague.printing.entryDocument(headOf(entry), { entryId: entry.id });
    expect(printed.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await colleague.verify(code)).toMatchObject({ status: 'valid', entry: { id: entry.id } });
  });

  it('the first workstation that prints records its keys; one that only verifies records nothing', async () => {
    const onlyVerifies = workstation(dataFolder());
    expect(await onlyVerifies.verify('ZZZZZ-ZZZZZ')).toEqual({ status: 'unknown' });
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: completeFamilyDraft() });
    await t.call('documents.render', { entryId: entry.id });
    await expect(onlyVerifies.verify(stampEntry(entry, openKeyStore(t.dataDir)).shortCode)).rejects.toMatchObject({
      messageKey: 'errors.documents.keysOfAnotherWorkstation',
    });
  });
});
