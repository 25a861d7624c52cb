import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import { jobResult } from '../../../electron/app/jobs.js';
import { issueInput, openDesk, prepareRegister, type OpenDesk, type PreparedRegister } from '../../reliability/support/desk.js';

/**
 * R7.4.4 and section E: a document handed to a representative is handed against a power of
 * attorney, and the journal records which one (number, date, issuer) beside the signature.
 */

const NOW = new Date('2026-12-08T10:00:00Z');
const PROXY = { number: '451', date: '2026-12-01', issuer: 'приватний нотаріус Глухівського районного нотаріального округу Коваль О. П.' };

let register: PreparedRegister | undefined;
let open: OpenDesk | undefined;
afterEach(async () => {
  await open?.desk.close();
  open = undefined;
  await register?.remove();
  register = undefined;
});

async function issued(): Promise<{ desk: OpenDesk; entry: EntryRecord }> {
  register = await prepareRegister();
  open = await openDesk(register.dataDir, { now: () => NOW });
  const { entry } = await open.call('entries.issueCertificate', issueInput(register));
  return { desk: open, entry };
}

function headOf(entry: EntryRecord): SessionUser {
  return { userId: entry.createdBy.userId, login: 'head', fullName: entry.createdBy.fullName, role: 'head', officeId: entry.officeId };
}

function pdfText(pdfBase64: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'desk-proxy-')), 'journal.pdf');
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('handover to a representative (R7.4.4, section E)', () => {
  it('is refused without the power of attorney, with it in the future, with unprintable text, or with one for the citizen himself; nothing is written', async () => {
    const { desk, entry } = await issued();
    const representative = { entryId: entry.id, receivedBy: 'representative', recipientName: 'Коваль Ігор Петрович' } as const;
    const refusals: [unknown, string, string][] = [
      [representative, 'powerOfAttorney', 'validation.powerOfAttorney.required'],
      [{ ...representative, powerOfAttorney: { ...PROXY, number: '  ' } }, 'powerOfAttorney.number', 'too_small'],
      [{ ...representative, powerOfAttorney: { ...PROXY, issuer: 'нотаріус\u202EКоваль' } }, 'powerOfAttorney.issuer', 'validation.text.characters'],
      [{ ...representative, powerOfAttorney: { ...PROXY, date: '2026-02-30' } }, 'powerOfAttorney.date', 'validation.date.invalid'],
      [{ ...representative, powerOfAttorney: { ...PROXY, date: '2026-12-09' } }, 'powerOfAttorney.date', 'validation.powerOfAttorney.future'],
      [{ ...representative, receivedBy: 'subject', powerOfAttorney: PROXY }, 'powerOfAttorney', 'validation.powerOfAttorney.onlyForRepresentative'],
    ];
    for (const [input, field, messageKey] of refusals) {
      const sent = await desk.raw('entries.handover', input);
      expect(sent, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const details = sent.ok ? [] : (sent.error.details ?? []);
      expect(details.map((detail) => detail.path)).toContain(field);
      expect(details.map((detail) => detail.messageKey).join(' ')).toContain(messageKey);
    }
    // Main checks it too, whatever called the service.
    const head = headOf(entry);
    await expect(desk.desk.register.entries.handover(head, { ...representative, powerOfAttorney: { ...PROXY, issuer: 'нотаріус\u0000' } })).rejects.toMatchObject({
      details: [{ path: 'powerOfAttorney.issuer', messageKey: 'validation.text.characters' }],
    });
    await expect(desk.desk.register.entries.handover(head, representative)).rejects.toMatchObject({ details: [{ path: 'powerOfAttorney' }] });
    expect((await desk.call('entries.get', { id: entry.id })).status).toBe('issued');
  });

  it('keeps the power of attorney tidied with the handover after a restart, and the journal page prints it', async () => {
    const { entry } = await issued();
    const typed = { number: ' 451 ', date: PROXY.date, issuer: "приватний  нотаріус Глухівського районного нотаріального округу Коваль О. П." };
    const handed = await open!.call('entries.handover', { entryId: entry.id, receivedBy: 'representative', recipientName: 'Коваль Ігор Петрович', powerOfAttorney: typed });
    expect(handed.handover?.powerOfAttorney).toEqual(PROXY);
    await open!.desk.close();

    open = await openDesk(register!.dataDir, { now: () => NOW });
    const reread = await open.call('entries.get', { id: entry.id });
    expect(reread.handover).toMatchObject({ receivedBy: 'representative', recipientName: 'Коваль Ігор Петрович', powerOfAttorney: PROXY });
    const { jobId } = await open.call('documents.journalPages', { journalId: register!.journalId, dateFrom: entry.localDate, dateTo: entry.localDate });
    const text = pdfText((await jobResult(open.call, 'journalPages', jobId)).pdfBase64);
    expect(text).toContain('представник: Коваль Ігор Петрович');
    expect(text).toContain('довіреність № 451 від 01.12.2026');
    expect(text).toContain('Коваль О. П.');
    // Recorded once: a second handover is refused and the first stays as it was.
    await expect(
      open.call('entries.handover', { entryId: entry.id, receivedBy: 'representative', recipientName: 'Інший Петро', powerOfAttorney: { ...PROXY, number: '9' } }),
    ).rejects.toMatchObject({ messageKey: 'errors.entries.alreadyHandedOver' });
    expect((await open.call('entries.get', { id: entry.id })).handover?.powerOfAttorney).toEqual(PROXY);
  });
});
