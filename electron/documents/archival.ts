import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * PDF/A for what a citizen or the archive receives (the Ministry of Justice's formats for documents
 * of permanent and long-term storage, наказ № 1886/5 of 11.11.2014, name PDF/A-1). pdfkit's own
 * PDF/A mode writes the identification (pdfaid), the sRGB output intent with its ICC profile and
 * the fonts' CIDSet; our documents already embed every font and never encrypt. This module picks
 * the level and writes what the archive's catalogue reads without opening a page: the title,
 * number, date and issuing office in Dublin Core terms (a predefined XMP schema, so PDF/A needs no
 * extension schema for them).
 */

export type PdfaLevel = 'PDF/A-1b' | 'PDF/A-2b';

export interface ArchivalIdentity {
  /** The number printed on the document (its journal number), or the index of a journal's pages. */
  identifier: string;
  /** The document's own date as printed, dd.MM.yyyy: never the moment of printing. */
  date: string;
  /** Who issues it, the issuing office first: the ЦНАП department, its council. */
  publishers: string[];
  /** The period a journal's pages cover, as printed. */
  coverage?: string;
  /** Diagonal marks the document will carry (training mode, annulled): they are drawn translucent. */
  translucentMarks: boolean;
  /** The emblem the header will draw, if any (PNG, base64). */
  emblemPngBase64?: string;
}

/**
 * PDF/A-1 (ISO 19005-1, PDF 1.4) forbids transparency: soft masks and constant alpha below 1. A
 * document that needs it is PDF/A-2b (ISO 19005-2, PDF 1.7), which allows it: the translucent
 * «НАВЧАЛЬНИЙ РЕЖИМ» / «АНУЛЬОВАНО» marks, and an emblem with an alpha channel or 16-bit samples
 * (pdfkit writes those as a soft mask and 16 bits per component, which PDF 1.4 does not have).
 */
export function pdfaLevelFor(archive: ArchivalIdentity): PdfaLevel {
  const emblem = archive.emblemPngBase64;
  return archive.translucentMarks || (emblem !== undefined && emblemNeedsPdf2(emblem)) ? 'PDF/A-2b' : 'PDF/A-1b';
}

/** The council's one emblem (up to ~500 KB) is judged once, not decoded again for every document. */
let judgedEmblem: { base64: string; needsPdf2: boolean } | undefined;

function emblemNeedsPdf2(base64: string): boolean {
  if (judgedEmblem?.base64 !== base64) judgedEmblem = { base64, needsPdf2: pngNeedsPdf2(Buffer.from(base64, 'base64')) };
  return judgedEmblem.needsPdf2;
}

/** pdfkit's `pdfVersion` for a level: its PDF/A metadata is written only from PDF 1.4 on. */
export function pdfVersionFor(level: PdfaLevel): '1.4' | '1.7' {
  return level === 'PDF/A-1b' ? '1.4' : '1.7';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG colour types with an alpha sample: grey + alpha, RGB + alpha. */
const ALPHA_COLOUR_TYPES = new Set([4, 6]);
const PALETTE_COLOUR_TYPE = 3;

/**
 * Whether pdfkit would embed this PNG with a soft mask (an alpha channel, or a palette with
 * transparent entries) or 16 bits per sample. A colour-key transparency (tRNS of a grey or RGB
 * image) becomes a /Mask array, which PDF/A-1 allows.
 */
export function pngNeedsPdf2(png: Buffer): boolean {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  const bitDepth = png[24] ?? 8;
  const colourType = png[25] ?? 2;
  if (bitDepth === 16 || ALPHA_COLOUR_TYPES.has(colourType)) return true;
  return colourType === PALETTE_COLOUR_TYPE && hasChunk(png, 'tRNS');
}

function hasChunk(png: Buffer, type: string): boolean {
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const name = png.toString('latin1', at + 4, at + 8);
    if (name === type) return true;
    if (name === 'IDAT' || name === 'IEND') return false;
    at += 12 + length;
  }
  return false;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/**
 * pdfkit copies the document's title into its XMP as it is, unescaped; a kind added under R7.15
 * may be named with «&» or «<». The Info dictionary and the file id read the raw value
 * (`valueOf`), the XMP template its string form, which is escaped here.
 */
export class XmpSafeTitle extends String {
  override toString(): string {
    return escapeXml(this.valueOf());
  }
}

/** dd.MM.yyyy → yyyy-MM-dd (XMP dates are ISO 8601). */
function isoDate(printed: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(printed);
  if (!match) throw new Error(`A document date must be printed dd.MM.yyyy: «${printed}»`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** The document's identity in Dublin Core, as one rdf:Description for pdfkit's XMP packet. */
export function archivalXmp(archive: ArchivalIdentity): string {
  const items = (values: string[]): string => values.map((value) => `<rdf:li>${escapeXml(value)}</rdf:li>`).join('');
  const lines = [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:identifier>${escapeXml(archive.identifier)}</dc:identifier>`,
    `<dc:date><rdf:Seq>${items([isoDate(archive.date)])}</rdf:Seq></dc:date>`,
    `<dc:publisher><rdf:Bag>${items(archive.publishers)}</rdf:Bag></dc:publisher>`,
    `<dc:language><rdf:Bag>${items(['uk-UA'])}</rdf:Bag></dc:language>`,
    ...(archive.coverage ? [`<dc:coverage>${escapeXml(archive.coverage)}</dc:coverage>`] : []),
    `</rdf:Description>`,
  ];
  return lines.join('\n');
}

/** The identity of a document issued under the council's header (certificate, inscription sheet, refusal). */
export function issuedDocumentArchive(
  header: { cnapDepartmentName: string; councilName: string; emblemPngBase64?: string },
  identifier: string,
  date: string,
  marks: readonly string[],
): ArchivalIdentity {
  return {
    identifier,
    date,
    publishers: [header.cnapDepartmentName, header.councilName],
    translucentMarks: marks.length > 0,
    ...(header.emblemPngBase64 ? { emblemPngBase64: header.emblemPngBase64 } : {}),
  };
}

/** The parts of pdfkit 0.20's PDF/A mode replaced below (pinned in package.json). */
interface PdfaInternals {
  _addColorOutputIntent(): void;
  ref(data: Record<string, unknown>): { end(chunk?: Uint8Array): void };
  _root: { data: Record<string, unknown> };
}

let deflatedProfile: Buffer | undefined;

/**
 * pdfkit's sRGB IEC61966-2.1 profile (ICC v2, a monitor profile: what PDF/A-1's output intent
 * needs), deflated once per process. pdfkit reads it once but deflates it again in every document.
 */
function srgbProfile(): Buffer {
  if (!deflatedProfile) {
    const pdfkitDir = dirname(createRequire(import.meta.url).resolve('pdfkit'));
    deflatedProfile = deflateSync(readFileSync(join(pdfkitDir, 'data', 'sRGB_IEC61966_2_1.icc')));
  }
  return deflatedProfile;
}

/**
 * The output intent pdfkit's PDF/A mode writes (GTS_PDFA1, sRGB IEC61966-2.1), with the profile
 * compressed once per process instead of once per document: deflating it cost a certificate more
 * than the rest of PDF/A together.
 */
export function shareOutputProfile(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as PdfaInternals;
  internals._addColorOutputIntent = function addColorOutputIntent(this: PdfaInternals) {
    // A stream given its Filter is written as it is (pdfkit compresses only unfiltered streams).
    const profile = this.ref({ N: 3, Filter: 'FlateDecode' });
    profile.end(srgbProfile());
    const intent = this.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      Info: new String('sRGB IEC61966-2.1'),
      OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
      DestOutputProfile: profile,
    });
    intent.end();
    this._root.data.OutputIntents = [intent];
  };
}
