import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCertificatePdf } from '../../../electron/documents/certificate-pdf.js';
import { composeCertificate, composeJournalPages } from '../../../electron/documents/compose.js';
import { printedDate } from '../../../electron/documents/format.js';
import { councilHeaderFrom } from '../../../electron/documents/header.js';
import { buildJournalPdf } from '../../../electron/documents/journal-pdf.js';
import { buildPublicKeysPdf, publicKeysModel } from '../../../electron/documents/public-keys-pdf.js';
import { openKeyStore, stampEntry, type KeyStore } from '../../../electron/documents/verification.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { fixtureBody, fixtureEntries, fixtureKindName, fixtureRequisites } from './fixtures.js';
import { flatText } from './pdf-tools.js';

/**
 * The parsed fonts and shaped words are shared by every document of the process (for speed), yet
 * the same entry must print the same bytes whatever was printed before it (R7.3: an entry always prints the same): a fresh
 * process is the reference.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const header = councilHeaderFrom(fixtureRequisites);
const opts = { trainingMode: false, kindName: fixtureKindName };

function certificate(entry: EntryRecord, keys: KeyStore): Promise<Buffer> {
  const model = composeCertificate(entry, header, fixtureBody(entry), { ...opts, verification: stampEntry(entry, keys) });
  return buildCertificatePdf(model, new Date(entry.createdAt));
}

/** The certificate of `entryName` printed as the first and only document of a new Node process. */
function certificateInFreshProcess(dir: string, keysDir: string, entryName: 'breadwinner' | 'combined'): Buffer {
  const out = join(dir, `${entryName}-fresh.pdf`);
  const script = join(dir, `${entryName}-fresh.mts`);
  const from = (path: string): string => JSON.stringify(join(ROOT, path));
  writeFileSync(
    script,
    [
      `import { writeFileSync } from 'node:fs';`,
      `import { buildCertificatePdf } from ${from('electron/documents/certificate-pdf.ts')};`,
      `import { composeCertificate } from ${from('electron/documents/compose.ts')};`,
      `import { councilHeaderFrom } from ${from('electron/documents/header.ts')};`,
      `import { openKeyStore, stampEntry } from ${from('electron/documents/verification.ts')};`,
      `import { fixtureBody, fixtureEntries, fixtureKindName, fixtureRequisites } from ${from('test/unit/documents/fixtures.ts')};`,
      `const entry = fixtureEntries()[${JSON.stringify(entryName)}];`,
      `const verification = stampEntry(entry, openKeyStore(${JSON.stringify(keysDir)}));`,
      `const model = composeCertificate(entry, councilHeaderFrom(fixtureRequisites), fixtureBody(entry), { trainingMode: false, kindName: fixtureKindName, verification });`,
      `writeFileSync(${JSON.stringify(out)}, await buildCertificatePdf(model, new Date(entry.createdAt)));`,
    ].join('\n'),
  );
  execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: 'pipe' });
  return readFileSync(out);
}

describe('fonts shared between documents', () => {
  it('print an entry to the bytes a fresh process prints, after other documents', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnap-shared-fonts-'));
    const keys = openKeyStore(dir);
    const fixtures = fixtureEntries();
    keys.ensureOfficeKey(fixtures.combined.officeCode);
    // Latin letters (the PEM keys), digits and every journal glyph go through the shared fonts first;
    // embedding them once left «A» without its Unicode in later documents before the fix.
    const last = fixtures.journal.at(-1) ?? fixtures.combined;
    await buildPublicKeysPdf(publicKeysModel(header, keys.publicKeys(), printedDate(last.localDate)), new Date(last.createdAt));
    const journal = composeJournalPages(fixtures.journal, { index: '01-21', title: 'Журнал' }, { from: '2025-03-01', to: '2025-03-31' }, fixtureRequisites.councilName, opts);
    await buildJournalPdf(journal, new Date(last.createdAt));
    await certificate(fixtures.combined, keys);

    for (const name of ['breadwinner', 'combined'] as const) {
      const afterOthers = await certificate(fixtures[name], keys);
      const fresh = certificateInFreshProcess(dir, dir, name);
      expect(afterOthers.equals(fresh), name).toBe(true);
    }
  });

  it('keeps the text of a later document extractable, Latin capitals included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnap-shared-fonts-'));
    const keys = openKeyStore(dir);
    const fixtures = fixtureEntries();
    keys.ensureOfficeKey(fixtures.combined.officeCode);
    await certificate(fixtures.combined, keys);
    await certificate(fixtures.breadwinner, keys);
    const path = join(dir, 'third.pdf');
    writeFileSync(path, await certificate(fixtures.combined, keys));
    const text = flatText(path);
    expect(text).toContain(fixtureRequisites.email);
    expect(text).toContain(fixtureRequisites.councilName.toLocaleUpperCase('uk-UA'));
    expect(text).toContain(`№ ${fixtures.combined.printedNumber}`);
    // The short code is Latin capitals and digits, printed letter-spaced.
    expect(text.replace(/\s+/g, '')).toContain(stampEntry(fixtures.combined, keys).shortCode);
  });
});
