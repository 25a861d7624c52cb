import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobResult } from '../../../electron/app/jobs.js';
import { runCli } from '../../../electron/cli/main.js';
import { completeFamilyDraft, openTestDesk, type TestDesk } from './desk-harness.js';
import { onPostgres } from '../../support/register-backend.js';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

const complete = completeFamilyDraft();

function textOf(pdfBase64: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'desk-pdf-')), 'doc.pdf');
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('printing an entry', () => {
  it('prints the certificate from the entry: number, date, dative name, household and a verifiable code', async () => {
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: complete });
    const first = await t.call('documents.render', { entryId: entry.id });
    const text = textOf(first.pdfBase64).replace(/\s+/g, ' ');
    expect(text).toContain(entry.printedNumber);
    expect(text).toContain(entry.localDate.split('-').reverse().join('.'));
    expect(text).toContain('Шевченку Тарасу Григоровичу');
    expect(text).toContain('він дійсно зареєстрований за адресою');
    expect(text).toContain('Склад його сімʼї');
    expect(text).toContain('Ґаля');
    // The same entry always prints the same document.
    const second = await t.call('documents.render', { entryId: entry.id });
    expect(second.pdfBase64).toBe(first.pdfBase64);

    // The code is printed letter-spaced for reading aloud; extraction may split its letters.
    const code = /Код перевірки довідки:\s*([0-9A-Z\s-]{11,25})/.exec(text)?.[1]?.replace(/\s+/g, '').slice(0, 11);
    expect(code).toBeDefined();
    const verdict = await t.call('documents.verify', { text: code ?? '' });
    expect(verdict).toMatchObject({ status: 'valid' });
  });

  it('words the certificate for a woman as for a woman (gender from the declension)', async () => {
    const draft = completeFamilyDraft();
    const woman = { familyName: 'Шевченко', givenName: 'Марʼяна', patronymic: 'Іванівна' };
    draft.subject = { ...draft.subject, name: woman, birthDate: '1982-05-01' };
    draft.household = draft.household.map((member) => (member.relation === 'applicant' ? { ...member, name: woman, birthDate: '1982-05-01' } : member));
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    const text = textOf((await t.call('documents.render', { entryId: entry.id })).pdfBase64).replace(/\s+/g, ' ');
    expect(text).toContain('Шевченко Марʼяні Іванівні');
    expect(text).toContain('вона дійсно зареєстрована за адресою');
    expect(text).toContain('Склад її сімʼї');
    expect(text).toContain('заявниця');
    expect(text).not.toContain('(вона)');
  });

  it('binds the short code when it prints a certificate whose code was never bound (a crash right after the entry committed)', async () => {
    const { entry: issued } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: complete });
    // The register's own append, without the desk's after-commit step: what a crash between the two leaves behind.
    const head = { userId: issued.createdBy.userId, login: 'head', fullName: issued.createdBy.fullName, role: 'head' as const, officeId: t.officeId };
    const orphan = await t.desk.register.entries.appendEntry({ journalId: t.journalId, content: issued.content, user: head, gate: () => undefined });
    const text = textOf((await t.call('documents.render', { entryId: orphan.id })).pdfBase64).replace(/\s+/g, ' ');
    const code = /Код перевірки довідки:\s*([0-9A-Z\s-]{11,25})/.exec(text)?.[1]?.replace(/\s+/g, '').slice(0, 11) ?? '';
    const verdict = await t.call('documents.verify', { text: code });
    expect(verdict).toMatchObject({ status: 'valid', entry: { printedNumber: orphan.printedNumber } });
  });

  it('prints a refusal notice with its grounds and the referral', async () => {
    const { entry } = await t.call('entries.refuse', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      request: { sort: 'certificate', certificate: { ...complete, documents: complete.documents.filter((d) => d.requirementId !== 'housing_records') } },
      grounds: [{ ruleId: 'R7.4.2', details: '' }],
    });
    const text = textOf((await t.call('documents.render', { entryId: entry.id })).pdfBase64).replace(/\s+/g, ' ');
    expect(text).toContain('7.4');
    expect(text).toContain('звернутися до Відділу ведення реєстру територіальної громади');
  });

  it('prints journal pages for a date range with the entries in journal order', async () => {
    const a = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: complete });
    const b = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: complete });
    const { jobId } = await t.call('documents.journalPages', { journalId: t.journalId, dateFrom: a.entry.localDate, dateTo: b.entry.localDate });
    const pages = await jobResult(t.call, 'journalPages', jobId);
    const text = textOf(pages.pdfBase64);
    expect(text.indexOf(a.entry.printedNumber)).toBeGreaterThanOrEqual(0);
    expect(text).toContain(b.entry.hash.slice(0, 16));
  });

  // `cli verify --witness` on the data folder's file; `--database` is covered in test/unit/postgres.
  it.skipIf(onPostgres)('checks a printed page’s witness code against the register from the command line', async () => {
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: complete });
    const { jobId } = await t.call('documents.journalPages', { journalId: t.journalId, dateFrom: entry.localDate, dateTo: entry.localDate });
    const pages = await jobResult(t.call, 'journalPages', jobId);
    const printed = /Контрольний код сторінки:\s*([0-9a-f]{16})/.exec(textOf(pages.pdfBase64))?.[1] ?? '';
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await runCli(['verify', '--data-dir', t.dataDir, '--witness', printed], io)).toBe(0);
    const forged = printed.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await runCli(['verify', '--data-dir', t.dataDir, '--witness', forged], io)).toBe(1);
  });

  it('previews a draft without registering it', async () => {
    const preview = await t.call('documents.preview', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: complete });
    expect(textOf(preview.pdfBase64)).toContain('ПРОЄКТ');
    expect((await t.call('journal.search', { page: 1, pageSize: 5 })).total).toBe(0);
  });
});
