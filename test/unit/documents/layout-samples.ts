import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCertificatePdf } from '../../../electron/documents/certificate-pdf.js';
import { composeCertificate, composeInscription, composeJournalPages, composeRefusal } from '../../../electron/documents/compose.js';
import { fixtureBody, fixtureEntries, fixtureKindName, fixtureRequisites, type FixtureSet } from './fixtures.js';
import { councilHeaderFrom } from '../../../electron/documents/header.js';
import { buildCalibrationPdf, buildInscriptionOverlayPdf, buildInscriptionSheetPdf } from '../../../electron/documents/inscription-pdf.js';
import { buildJournalPdf } from '../../../electron/documents/journal-pdf.js';
import { buildRefusalPdf } from '../../../electron/documents/refusal-pdf.js';
import { buildPublicKeysPdf, publicKeysModel } from '../../../electron/documents/public-keys-pdf.js';
import { printedDate } from '../../../electron/documents/format.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { type KeyStore, openKeyStore, stampEntry } from '../../../electron/documents/verification.js';

export const SAMPLE_FILES = [
  'certificate-combined-household.pdf',
  'certificate-breadwinner-executive-seal.pdf',
  'certificate-annulled.pdf',
  'certificate-training.pdf',
  'inscription-sheet.pdf',
  'inscription-overlay.pdf',
  'inscription-calibration.pdf',
  'refusal-notice.pdf',
  'journal-pages.pdf',
  'public-keys.pdf',
] as const;
export type SampleFile = (typeof SAMPLE_FILES)[number];

export interface SamplesResult {
  files: Record<SampleFile, string>;
  fixtures: FixtureSet;
  keys: KeyStore;
}

/**
 * Writes one PDF of every document type from the fixture entries. `dataDir` holds the office keys
 * (a fresh temporary one when absent, so samples never touch a real office's keys).
 */
export async function writeSamples(outDir: string, dataDir?: string): Promise<SamplesResult> {
  mkdirSync(outDir, { recursive: true });
  const keys = openKeyStore(dataDir ?? mkdtempSync(join(tmpdir(), 'cnap-sample-keys-')));
  const fixtures = fixtureEntries();
  keys.ensureOfficeKey(fixtures.combined.officeCode);
  const header = councilHeaderFrom(fixtureRequisites);
  const opts = { trainingMode: false, kindName: fixtureKindName };
  const createdAt = (entry: EntryRecord): Date => new Date(entry.createdAt);

  const certificate = (entry: EntryRecord, trainingMode: boolean): Promise<Buffer> =>
    buildCertificatePdf(
      composeCertificate(entry, header, fixtureBody(entry), { ...opts, trainingMode, verification: stampEntry(entry, keys) }),
      createdAt(entry),
    );
  const inscription = composeInscription(fixtures.certification, header, opts);
  const last = fixtures.journal.at(-1) ?? fixtures.combined;
  const pdfs: Record<SampleFile, Buffer> = {
    'certificate-combined-household.pdf': await certificate(fixtures.combined, false),
    'certificate-breadwinner-executive-seal.pdf': await certificate(fixtures.breadwinner, false),
    'certificate-annulled.pdf': await certificate(fixtures.annulled, false),
    'certificate-training.pdf': await certificate(fixtures.training, true),
    'inscription-sheet.pdf': await buildInscriptionSheetPdf(inscription, createdAt(fixtures.certification)),
    'inscription-overlay.pdf': await buildInscriptionOverlayPdf(inscription, { xMm: 100, yMm: 200 }, createdAt(fixtures.certification)),
    'inscription-calibration.pdf': await buildCalibrationPdf(createdAt(fixtures.certification)),
    'refusal-notice.pdf': await buildRefusalPdf(composeRefusal(fixtures.refusal, header, opts), createdAt(fixtures.refusal)),
    'journal-pages.pdf': await buildJournalPdf(
      composeJournalPages(
        fixtures.journal,
        { index: '01-21', title: 'Журнал реєстрації довідок відділу «Центр надання адміністративних послуг»' },
        { from: '2025-03-01', to: '2025-03-31' },
        fixtureRequisites.councilName,
        opts,
      ),
      createdAt(last),
    ),
    'public-keys.pdf': await buildPublicKeysPdf(
      publicKeysModel(header, keys.publicKeys(), printedDate(last.localDate)),
      createdAt(last),
    ),
  };
  const files = {} as Record<SampleFile, string>;
  for (const name of SAMPLE_FILES) {
    files[name] = join(outDir, name);
    writeFileSync(files[name], pdfs[name]);
  }
  return { files, fixtures, keys };
}
