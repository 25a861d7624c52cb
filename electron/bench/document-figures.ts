import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import type { CertificateContent } from '../../shared/domain/entry.js';
import { findKind } from '../../shared/rules/catalogue.js';
import { defaultTemplates } from '../../shared/rules/default-templates.js';
import { templateValuesFor } from '../../shared/rules/template-values.js';
import { parseTemplate, placeholdersFor, renderCombined } from '../../shared/rules/templates.js';
import { keysOfRegister } from '../app/key-witness.js';
import { createPrintingService } from '../app/printing.js';
import { openKeyStore } from '../documents/verification.js';
import { journalEntriesBetween, searchEntryRecords } from '../register/repositories/entries.js';
import { openSeeded } from '../app/synthetic/generator.js';
import { interleaved, isEntryPoint, measure, type Sample } from './harness.js';

/**
 * The documents' figures for the benchmark: one certificate PDF through the printing service against a
 * bare pdfkit page with the same font and text, and the journal's printed pages for 10,000
 * entries.
 */

export interface DocumentFigures {
  readonly certificatePdf: Sample;
  /** The same certificate drawn as a preview: no audit rows, no signature, the drawing alone. */
  readonly certificateDrawing: Sample;
  readonly barePage: Sample;
  readonly journalPages: Sample;
  /** Reading the journal's entries for those pages, without drawing them. */
  readonly journalRead: Sample;
  readonly journalRows: number;
  readonly journalBytes: number;
}

const FONT = '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf';

/** The certificate's words, as the default templates render them for this entry. */
function certificateText(content: CertificateContent, entry: { localDate: string; printedNumber: string }): string {
  const parts = content.kinds.map((kind) => {
    const parsed = parseTemplate(defaultTemplates[kind]?.text ?? '', placeholdersFor(kind));
    if (!parsed.ok) throw new Error(`The default template of ${kind} does not parse`);
    return { template: parsed.template, kindTitle: findKind(kind)?.title ?? kind };
  });
  const body = renderCombined(parts, templateValuesFor(content, { entryDate: entry.localDate, printedNumber: entry.printedNumber }), { gender: content.subject.declined.gender, deceased: content.deceased?.gender });
  return body.paragraphs.join('\n');
}

/** pdfkit alone: one A4 page, the certificate's font embedded, its text in one flow. */
function barePdf(font: Buffer, text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', font as unknown as string);
    doc.font('regular').fontSize(13).text(text, { align: 'justify' });
    doc.end();
  });
}

export async function runDocumentFigures(options: { dataDir: string; runs: number; warmup: number; journalRows: number }): Promise<DocumentFigures> {
  const { db, services, cast } = await openSeeded(options.dataDir);
  try {
    const keyStore = openKeyStore(options.dataDir);
    const keys = keysOfRegister(services.register.settings, keyStore);
    const printing = createPrintingService({ register: services.register, templates: services.templates, keyStore, keys, trainingMode: false, now: () => new Date() });
    const office = cast.offices[0];
    if (!office) throw new Error('The register has no offices');
    const latest = (await searchEntryRecords(db, { journalId: office.journalId, sort: 'certificate', limit: 20, offset: 0 })).records;
    const sample = latest.find((entry) => entry.content.sort === 'certificate' && entry.content.household.length > 1) ?? latest[0];
    if (!sample || sample.content.sort !== 'certificate') throw new Error('The register has no certificates');
    const font = readFileSync(createRequire(import.meta.url).resolve(FONT));
    const text = certificateText(sample.content, sample);
    // Interleaved run by run: their ratio is a target, so both are measured under the same load.
    const { certificatePdf, barePage } = await interleaved(
      { certificatePdf: () => printing.entryDocument(cast.head, { entryId: sample.id }), barePage: () => barePdf(font, text) },
      options,
    );
    const certificateDrawing = await measure(() => printing.previewCertificate(sample.content as CertificateContent, cast.head), options);

    // The newest `journalRows` entries of the central journal: the range of dates that holds them.
    const newest = await searchEntryRecords(db, { journalId: office.journalId, limit: 1, offset: 0 });
    const rows = Math.min(options.journalRows, newest.total);
    const first = (await searchEntryRecords(db, { journalId: office.journalId, limit: 1, offset: rows - 1 })).records[0];
    const last = newest.records[0];
    if (!first || !last) throw new Error('The central journal is empty');
    const range = { journalId: office.journalId, dateFrom: first.localDate, dateTo: last.localDate };
    let journalBytes = 0;
    const journalPages = await measure(async () => {
      journalBytes = (await printing.journalPages(cast.head, range)).pdf.length;
    }, { warmup: 1, runs: Math.max(2, Math.min(options.runs, 3)) });
    let journalRows = 0;
    const journalRead = await measure(async () => {
      journalRows = (await journalEntriesBetween(db, range.journalId, range.dateFrom, range.dateTo)).length;
    }, { warmup: 1, runs: 3 });
    return { certificatePdf, certificateDrawing, barePage, journalPages, journalRead, journalRows, journalBytes };
  } finally {
    await db.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' }, 'journal-rows': { type: 'string' } },
  });
  const figures = await runDocumentFigures({
    dataDir: values['data-dir'] ?? '',
    runs: Number(values.runs ?? 30),
    warmup: Number(values.warmup ?? 5),
    journalRows: Number(values['journal-rows'] ?? 10_000),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
