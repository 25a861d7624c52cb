import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfaLevelFor, pngNeedsPdf2 } from '../../../electron/documents/archival.js';
import { buildCertificatePdf } from '../../../electron/documents/certificate-pdf.js';
import { composeCertificate } from '../../../electron/documents/compose.js';
import { councilHeaderFrom } from '../../../electron/documents/header.js';
import { createDoc, finish, placeLine } from '../../../electron/documents/pdf-base.js';
import { stampEntry } from '../../../electron/documents/verification.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { fixtureAdministrator, fixtureBody, fixtureKindName, fixtureManagingSecretary, fixtureRequisites } from './fixtures.js';
import { type SampleFile, type SamplesResult, writeSamples } from './layout-samples.js';
import { flatText, pdfFonts, pdfObjects, referenced, xmpOf } from './pdf-tools.js';

/**
 * PDF/A for what a citizen or the archive receives (the Ministry of Justice's storage
 * formats name PDF/A-1): each sample read back with poppler and by its objects. No external
 * validator (veraPDF) runs here: these are the structural checks a validator starts with.
 */

interface Expected {
  identifier: string;
  /** yyyy-MM-dd */
  date: string;
  /** The entry's moment, never the moment of printing. */
  createdAt: string;
  /** Translucent diagonal marks need transparency, which PDF/A-1 forbids. */
  translucentMarks: boolean;
  /** Words of the fixtures the sample prints, between them ґ є і ї ʼ. */
  words: string[];
}

let samples: SamplesResult;
let expected: Partial<Record<SampleFile, Expected>>;
/** Printed plain: the overlay goes onto a paper the citizen brought, the grid only positions it. */
const PLAIN: SampleFile[] = ['inscription-overlay.pdf', 'inscription-calibration.pdf'];
const familyName = (fullName: string): string => fullName.split(' ').at(-1) ?? fullName;

beforeAll(async () => {
  samples = await writeSamples(mkdtempSync(join(tmpdir(), 'cnap-pdfa-')));
  const { fixtures } = samples;
  const of = (entry: EntryRecord, translucentMarks: boolean, words: string[]): Expected => ({
    identifier: entry.printedNumber,
    date: entry.localDate,
    createdAt: entry.createdAt,
    translucentMarks,
    words: [fixtureRequisites.councilName.toLocaleUpperCase('uk-UA'), ...words],
  });
  const subject = 'Мар’яні-Єлизаветі';
  const administrator = familyName(fixtureAdministrator.fullName);
  const last = fixtures.journal.at(-1) ?? fixtures.combined;
  expected = {
    'certificate-combined-household.pdf': of(fixtures.combined, false, [subject, administrator, 'Ґудзь', 'Їрина']),
    'certificate-breadwinner-executive-seal.pdf': of(fixtures.breadwinner, false, [subject, familyName(fixtureManagingSecretary.fullName)]),
    'certificate-annulled.pdf': of(fixtures.annulled, true, [subject, administrator, 'АНУЛЬОВАНО']),
    'certificate-training.pdf': of(fixtures.training, true, [subject, administrator, 'НАВЧАЛЬНИЙ']),
    'inscription-sheet.pdf': of(fixtures.certification, false, ['Ґ.', 'Є.', 'Їжакевич', administrator]),
    'refusal-notice.pdf': of(fixtures.refusal, false, [subject, administrator]),
    'journal-pages.pdf': {
      identifier: '01-21',
      date: '2025-03-31',
      createdAt: last.createdAt,
      translucentMarks: false,
      words: ['Мар’яна-Єлизавета', 'Лукʼяненко', 'Ґалина', 'Ївга'],
    },
    'public-keys.pdf': { ...of(last, false, ['ВІДКРИТІ']), identifier: `Відкриті ключі станом на ${last.localDate.split('-').reverse().join('.')}` },
  };
});

const archival = (): [SampleFile, Expected][] => Object.entries(expected) as [SampleFile, Expected][];
const tag = (xmp: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xmp)?.[1];
const items = (xmp: string, name: string): string[] =>
  [...(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp)?.[1] ?? '').matchAll(/<rdf:li[^>]*>([^<]*)<\/rdf:li>/g)].map((m) => m[1] ?? '');

describe('PDF/A samples (what a citizen or the archive receives)', () => {
  it('covers every sample except the overlay and the calibration page', () => {
    const all = Object.keys(samples.files) as SampleFile[];
    expect([...archival().map(([name]) => name), ...PLAIN].sort()).toEqual([...all].sort());
  });

  it('identifies PDF/A-1b, or PDF/A-2b only where translucent marks need transparency, in the XMP and the header', () => {
    for (const [name, want] of archival()) {
      const path = samples.files[name];
      const xmp = xmpOf(path);
      const part = want.translucentMarks ? '2' : '1';
      expect(tag(xmp, 'pdfaid:part'), name).toBe(part);
      expect(tag(xmp, 'pdfaid:conformance'), name).toBe('B');
      expect(readFileSync(path).subarray(0, 8).toString('latin1'), name).toBe(part === '1' ? '%PDF-1.4' : '%PDF-1.7');
    }
  });

  it('carries the title, number, date and office in the XMP, dated by the entry (not by the printing)', () => {
    for (const [name, want] of archival()) {
      const path = samples.files[name];
      const xmp = xmpOf(path);
      const title = /Title:\s+(.*)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1];
      expect(items(xmp, 'dc:title'), name).toEqual([title]);
      expect(tag(xmp, 'dc:identifier'), name).toBe(want.identifier);
      expect(items(xmp, 'dc:date'), name).toEqual([want.date]);
      expect(tag(xmp, 'xmp:CreateDate'), name).toBe(`${want.createdAt.slice(0, 19)}Z`);
      const office = name === 'journal-pages.pdf' ? fixtureRequisites.councilName : fixtureRequisites.cnapDepartmentName;
      expect(items(xmp, 'dc:publisher'), name).toContain(office);
    }
  });

  it('has the sRGB output intent with its ICC profile embedded', () => {
    for (const [name] of archival()) {
      const { objects, trailer } = pdfObjects(samples.files[name]);
      const catalog = referenced(objects, trailer, 'Root');
      const intent = catalog && referenced(objects, catalog.dict, 'OutputIntents');
      expect(intent?.dict, name).toMatch(/\/Type \/OutputIntent/);
      expect(intent?.dict, name).toMatch(/\/S \/GTS_PDFA1/);
      expect(intent?.dict, name).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)');
      const profile = intent && referenced(objects, intent.dict, 'DestOutputProfile');
      // An ICC profile: «acsp» at byte 36, an RGB data colour space at byte 16.
      expect(profile?.stream?.toString('latin1', 36, 40), name).toBe('acsp');
      expect(profile?.stream?.toString('latin1', 16, 20), name).toBe('RGB ');
      expect(profile?.dict, name).toMatch(/\/N 3\b/);
      // PDF/A-1 (PDF 1.4) takes ICC profiles up to version 2, of a monitor or printer class.
      expect(profile?.stream?.[8], name).toBeLessThanOrEqual(2);
      expect(['mntr', 'prtr'], name).toContain(profile?.stream?.toString('latin1', 12, 16));
    }
  });

  it('is not encrypted, and uses transparency only at PDF/A-2 (PDF/A-1 forbids it)', () => {
    for (const [name, want] of archival()) {
      const { objects, trailer } = pdfObjects(samples.files[name]);
      expect(trailer, name).not.toContain('/Encrypt');
      const dicts = [...objects.values()].map((object) => object.dict);
      const translucent = dicts.some((dict) => /\/(ca|CA) 0?\.\d+/.test(dict) || /\/SMask (?!\/None)/.test(dict));
      expect(translucent, name).toBe(want.translucentMarks);
    }
  });

  it('embeds every font', () => {
    for (const [name] of archival()) {
      const fonts = pdfFonts(samples.files[name]);
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const font of fonts) expect(font.embedded, `${name}: ${font.name}`).toBe('yes');
    }
  });

  it('still gives its Ukrainian text to pdftotext (ґ є і ї ʼ)', () => {
    const letters = new Set<string>();
    for (const [name, want] of archival()) {
      const text = flatText(samples.files[name]);
      for (const word of want.words) {
        expect(text, `${name}: ${word}`).toContain(word);
        for (const ch of word.toLocaleLowerCase('uk-UA')) letters.add(ch);
      }
    }
    for (const ch of ['ґ', 'є', 'і', 'ї', 'ʼ']) expect(letters.has(ch), ch).toBe(true);
  });

  it('leaves the overlay and the calibration page plain PDF', () => {
    for (const name of PLAIN) expect(xmpOf(samples.files[name]), name).not.toContain('pdfaid');
  });
});

/** A PNG of one white pixel row per colour type, with the chunks a level decision reads. */
function png(colourType: number, bitDepth: number, extra: Buffer[] = []): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const samplesPerPixel = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType] ?? 3;
  const width = 4;
  const row = Buffer.alloc(1 + (width * samplesPerPixel * bitDepth) / 8, 0xff);
  row[0] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([bitDepth, colourType, 0, 0, 0], 8);
  const palette = colourType === 3 ? [chunk('PLTE', Buffer.from([255, 255, 255]))] : [];
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...palette,
    ...extra.map((data) => chunk('tRNS', data)),
    chunk('IDAT', deflateSync(row)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PDF/A level', () => {
  it('is PDF/A-2b for an emblem pdfkit embeds with a soft mask or 16-bit samples, PDF/A-1b otherwise', () => {
    expect(pngNeedsPdf2(png(2, 8))).toBe(false);
    expect(pngNeedsPdf2(png(0, 8))).toBe(false);
    // A colour key on an RGB image becomes a /Mask array, which PDF/A-1 allows.
    expect(pngNeedsPdf2(png(2, 8, [Buffer.from([0, 255, 0, 255, 0, 255])]))).toBe(false);
    expect(pngNeedsPdf2(png(3, 8))).toBe(false);
    expect(pngNeedsPdf2(png(3, 8, [Buffer.from([0])]))).toBe(true);
    expect(pngNeedsPdf2(png(6, 8))).toBe(true);
    expect(pngNeedsPdf2(png(4, 8))).toBe(true);
    expect(pngNeedsPdf2(png(2, 16))).toBe(true);
    const identity = { identifier: '01-21/1', date: '01.03.2025', publishers: ['ЦНАП'], translucentMarks: false };
    expect(pdfaLevelFor({ ...identity, emblemPngBase64: png(6, 8).toString('base64') })).toBe('PDF/A-2b');
    expect(pdfaLevelFor({ ...identity, emblemPngBase64: png(2, 8).toString('base64') })).toBe('PDF/A-1b');
    expect(pdfaLevelFor({ ...identity, translucentMarks: true })).toBe('PDF/A-2b');
  });

  it('prints a certificate with a transparent emblem as PDF/A-2b, its soft mask kept', async () => {
    const entry = samples.fixtures.breadwinner;
    const header = councilHeaderFrom({ ...fixtureRequisites, emblemPngBase64: png(6, 8).toString('base64') });
    const model = composeCertificate(entry, header, fixtureBody(entry), {
      trainingMode: false,
      kindName: fixtureKindName,
      verification: stampEntry(entry, samples.keys),
    });
    const path = join(mkdtempSync(join(tmpdir(), 'cnap-pdfa-emblem-')), 'certificate.pdf');
    writeFileSync(path, await buildCertificatePdf(model, new Date(entry.createdAt)));
    expect(tag(xmpOf(path), 'pdfaid:part')).toBe('2');
    expect([...pdfObjects(path).objects.values()].some((object) => /\/SMask \d+ 0 R/.test(object.dict))).toBe(true);
  });
});

describe('XMP of a title with XML markup characters', () => {
  it('escapes the title in the XMP and keeps it raw in the document information', async () => {
    // A kind added under R7.15 is named by the head of the department: any characters.
    const title = 'Довідка «A & B» <для ОСББ>';
    const doc = createDoc({
      layout: 'portrait',
      footerReserve: 0,
      title,
      createdAt: new Date('2025-03-01T08:00:00Z'),
      archive: { identifier: '01-21/1 & 2', date: '01.03.2025', publishers: ['ЦНАП <центр>'], translucentMarks: false },
    });
    placeLine(doc, 'текст', 100, 100);
    const path = join(mkdtempSync(join(tmpdir(), 'cnap-pdfa-title-')), 'title.pdf');
    writeFileSync(path, await finish(doc));
    const xmp = xmpOf(path);
    expect(xmp).toContain('Довідка «A &amp; B» &lt;для ОСББ&gt;');
    expect(xmp).toContain('<dc:identifier>01-21/1 &amp; 2</dc:identifier>');
    expect(xmp).toContain('ЦНАП &lt;центр&gt;');
    expect(xmp).not.toMatch(/& B|<для/);
    expect(/Title:\s+(.*)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]).toBe(title);
  });
});
