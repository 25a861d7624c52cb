import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type ArchivalIdentity, archivalXmp, pdfaLevelFor, pdfVersionFor, shareOutputProfile, XmpSafeTitle } from './archival.js';

/**
 * Page geometry, fonts and the drawing primitives every document shares. One embedded serif
 * (PT Serif, shipped in node_modules) with every Ukrainian letter and both apostrophes; pdfkit
 * embeds it as a subset, so no system font is ever referenced.
 */

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;

/** ДСТУ 4163:2020 margins: left 30 mm, right 10 mm, top and bottom 20 mm. */
export const DSTU_MARGINS = { left: 30 * MM, right: 10 * MM, top: 20 * MM, bottom: 20 * MM } as const;

export type Doc = PDFKit.PDFDocument;
export type FontRole = 'regular' | 'bold' | 'italic';

const FONT_FILES: Record<FontRole, string> = {
  regular: '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf',
  bold: '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf',
  italic: '@expo-google-fonts/pt-serif/400Regular_Italic/PTSerif_400Regular_Italic.ttf',
};

/**
 * What pdfkit needs of a font beyond its bytes. pdfkit 0.20 accepts an already parsed fontkit font
 * as a font source (anything with `layout`), and keeps each font's shaped words in `layoutCache`.
 */
interface ParsedFont {
  layout(text: string): unknown;
  getGlyph(id: number, codePoints?: number[]): ParsedGlyph | null;
}
interface ParsedGlyph {
  codePoints: number[];
  /** The glyph's outline record from the `glyf` table; fontkit reads it again on every call. */
  _decode?: () => unknown;
}
interface PdfkitFont {
  font: ParsedFont;
  layoutCache?: Record<string, unknown>;
}

/**
 * Per process, not per document: parsing the three TTF files and shaping every word again
 * took most of a certificate's time (the benchmark's target: one certificate p50 ≤ 25 ms). Each document still
 * gets its own pdfkit font object, so its embedded subset holds only the glyphs it uses, numbered
 * in its own order.
 */
const parsedFonts = new Map<FontRole, ParsedFont>();
const shapedWords = new Map<FontRole, Record<string, unknown>>();

/** Shaped words kept per font; cleared when full, so a long-running desk's memory stays bounded. */
const SHAPED_WORDS_LIMIT = 50_000;

function fontSource(role: FontRole): ParsedFont | Buffer {
  const parsed = parsedFonts.get(role);
  if (parsed) return parsed;
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve(FONT_FILES[role]));
}

/**
 * fontkit keeps one glyph object per glyph id, with the code points of the first request. In a
 * font shared between documents that first request may be an earlier document's subsetting
 * (which asks without code points, leaving e.g. «A» unmapped in the next document's ToUnicode
 * and so missing from its extracted text), or another character drawn with the same glyph. Each
 * document's text mapping must depend on that document alone, so a request with other code points
 * gets a glyph of its own — what a freshly parsed font would have returned.
 */
function withRequestedCodePoints(font: ParsedFont): ParsedFont {
  const firstGlyph = font.getGlyph.bind(font);
  const variants = new Map<string, ParsedGlyph>();
  font.getGlyph = (id, codePoints = []) => {
    const glyph = firstGlyph(id, codePoints);
    if (glyph) decodeOnce(glyph);
    if (!glyph || codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    const key = `${id}:${codePoints.join(',')}`;
    let variant = variants.get(key);
    if (!variant) {
      const GlyphClass = glyph.constructor as new (id: number, codePoints: number[], font: ParsedFont) => ParsedGlyph;
      variant = new GlyphClass(id, codePoints, font);
      variants.set(key, variant);
    }
    return variant;
  };
  return font;
}

/**
 * Embedding a document's subset decodes every glyph it uses (points included) to find composite
 * glyphs' parts — a third of a certificate's time. The record never changes for a static TrueType
 * font like PT Serif (fontkit rewrites it only for variable fonts), so it is decoded once per process.
 */
const decodedGlyphs = new WeakSet<ParsedGlyph>();

function decodeOnce(glyph: ParsedGlyph): void {
  const decode = glyph._decode;
  if (decodedGlyphs.has(glyph) || typeof decode !== 'function') return;
  decodedGlyphs.add(glyph);
  let record: { value: unknown } | undefined;
  glyph._decode = () => (record ??= { value: decode.call(glyph) }).value;
}

function sameCodePoints(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((codePoint, i) => codePoint === b[i]);
}

/** A cache object for pdfkit's `layoutCache[text]` reads and writes, backed by a bounded Map. */
function boundedWordCache(): Record<string, unknown> {
  const words = new Map<string, unknown>();
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_target, key) => (typeof key === 'string' ? words.get(key) : undefined),
    set: (_target, key, value) => {
      if (words.size >= SHAPED_WORDS_LIMIT) words.clear();
      words.set(String(key), value);
      return true;
    },
  });
}

/** Keeps the parsed font and shares the shaped words of the font pdfkit just opened for `role`. */
function shareFont(doc: Doc, role: FontRole): void {
  const current = (doc as unknown as { _font: PdfkitFont })._font;
  if (!parsedFonts.has(role)) parsedFonts.set(role, withRequestedCodePoints(current.font));
  let words = shapedWords.get(role);
  if (!words) {
    words = boundedWordCache();
    shapedWords.set(role, words);
  }
  // Without pdfkit's own cache (`fontLayoutCache: false`) every run is shaped afresh; respect that.
  if (current.layoutCache && current.layoutCache !== words) current.layoutCache = words;
}

export interface PageFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export function frameOf(doc: Doc): PageFrame {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    right: width - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
    width: width - margins.left - margins.right,
    height: height - margins.top - margins.bottom,
  };
}

export interface CreateDocOptions {
  layout: 'portrait' | 'landscape';
  /** Points kept free above the bottom margin for the page footer (page numbers, codes). */
  footerReserve: number;
  title: string;
  /** Fixed so that the same entry always prints byte-identical files. */
  createdAt: Date;
  margins?: { left: number; right: number; top: number; bottom: number };
  /** Keep pages in memory to add page numbers at the end; the journal paginates first instead. */
  bufferPages?: boolean;
  /**
   * What a citizen or the archive receives is PDF/A, identified by these; 'plain' only for sheets
   * nobody keeps as a document (the overlay printed onto a submitted paper, the calibration grid).
   */
  archive: ArchivalIdentity | 'plain';
}

export function createDoc(opts: CreateDocOptions): Doc {
  const margins = opts.margins ?? DSTU_MARGINS;
  const level = opts.archive === 'plain' ? undefined : pdfaLevelFor(opts.archive);
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout,
    margins: { ...margins, bottom: margins.bottom + opts.footerReserve },
    bufferPages: opts.bufferPages ?? true,
    autoFirstPage: true,
    // No default font: pdfkit would otherwise load Helvetica, and a default given here is not
    // cached under our role names, so every later font switch would re-parse the TTF.
    font: null as unknown as string,
    // The XMP creation date is this one too: the entry's, so a reprint is byte-identical.
    info: { Title: new XmpSafeTitle(opts.title) as unknown as string, Producer: 'cnap-desk', Creator: 'cnap-desk', CreationDate: opts.createdAt },
    lang: 'uk-UA',
    ...(level ? { subset: level, pdfVersion: pdfVersionFor(level) } : {}),
  });
  if (opts.archive !== 'plain') {
    doc.appendXML(archivalXmp(opts.archive));
    shareOutputProfile(doc);
  }
  for (const role of Object.keys(FONT_FILES) as FontRole[]) {
    doc.registerFont(role, fontSource(role) as unknown as string);
  }
  useFont(doc, 'regular', 12);
  return doc;
}

export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Draws inside the reserved footer band. pdfkit adds a page whenever text starts below the bottom
 * margin, so the margin is lifted for the call and restored afterwards.
 */
export function inFooterBand(doc: Doc, draw: () => void): void {
  const saved = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  try {
    draw();
  } finally {
    doc.page.margins.bottom = saved;
  }
}

/**
 * Word widths at 1 pt per parsed font, kept across documents: the journal wraps tens of thousands
 * of cells, mostly the same words, and every certificate repeats the header's.
 */
const wordWidths = new WeakMap<ParsedFont, Map<string, number>>();

function measure(doc: Doc, text: string): number {
  const font = (doc as unknown as { _font: PdfkitFont })._font.font;
  let widths = wordWidths.get(font);
  if (!widths) {
    widths = new Map();
    wordWidths.set(font, widths);
  }
  let unit = widths.get(text);
  if (unit === undefined) {
    unit = doc.fontSize(1).widthOfString(text);
    if (widths.size >= SHAPED_WORDS_LIMIT) widths.clear();
    widths.set(text, unit);
  }
  return unit;
}

/**
 * Greedy word wrap with pdfkit's own metrics (pdfkit lays text out word by word too, so a line's
 * width is the sum of its words and spaces). No-break spaces hold («п.\u00a07.4»); a word longer
 * than the width breaks after a hyphen first (double-barrelled names), then by characters.
 */
export function wrapLines(doc: Doc, text: string, width: number): string[] {
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  const unitWidth = width / size;
  const space = measure(doc, ' ');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t\r]+/).filter(Boolean)) {
      const wordWidth = measure(doc, word);
      if (line && lineWidth + space + wordWidth <= unitWidth) {
        line = `${line} ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = wordWidth <= unitWidth ? [word] : splitLongWord(doc, word, unitWidth);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = measure(doc, line);
    }
    lines.push(line);
  }
  doc.fontSize(size);
  return lines;
}

function splitLongWord(doc: Doc, word: string, unitWidth: number): string[] {
  if (measure(doc, word) <= unitWidth) return [word];
  const hyphen = word.indexOf('-');
  if (hyphen > 0 && hyphen < word.length - 1) {
    const head = word.slice(0, hyphen + 1);
    if (measure(doc, head) <= unitWidth) return [head, ...splitLongWord(doc, word.slice(hyphen + 1), unitWidth)];
  }
  return splitByCharacters(doc, word, unitWidth);
}

function splitByCharacters(doc: Doc, word: string, unitWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(doc, piece + ch) > unitWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Places one line at an exact spot without pdfkit's flow (no wrapping, no page breaks). */
export function placeLine(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  opts: { width?: number; align?: 'left' | 'center' | 'right'; characterSpacing?: number } = {},
): void {
  const characterSpacing = opts.characterSpacing ?? 0;
  let left = x;
  if (opts.align === 'center' || opts.align === 'right') {
    const free = (opts.width ?? 0) - doc.widthOfString(text, { characterSpacing });
    left = x + (opts.align === 'center' ? free / 2 : free);
  }
  if (!text) return;
  // The same operators pdfkit's `text()` would write, without its per-call bookkeeping (a
  // certificate places ~150 lines); letter-spaced text keeps pdfkit's own path.
  const operators = characterSpacing === 0 && !text.includes('\n') ? lineOperators(doc, text, left, y) : null;
  if (operators) {
    addOperators(doc, [operators]);
    return;
  }
  // textWidth/wordCount only feed pdfkit's link and underline boxes; passing them skips a re-measure.
  doc.text(text, left, y, { lineBreak: false, characterSpacing, textWidth: 0, wordCount: 0 } as PDFKit.Mixins.TextOptions);
}

export function useFont(doc: Doc, role: FontRole, size: number): Doc {
  doc.font(role).fontSize(size);
  shareFont(doc, role);
  return doc;
}

/** Diagonal marks («НАВЧАЛЬНИЙ РЕЖИМ», «АНУЛЬОВАНО») on the current page, kept inside the frame. */
export function drawWatermarksOnPage(doc: Doc, marks: string[]): void {
  const frame = frameOf(doc);
  const cx = frame.left + frame.width / 2;
  const cy = frame.top + frame.height / 2;
  const angle = frame.height > frame.width ? -50 : -25;
  marks.forEach((mark, index) => {
    const offset = (index - (marks.length - 1) / 2) * 110;
    useFont(doc, 'bold', 40);
    const w = doc.widthOfString(mark);
    doc.save();
    doc.rotate(angle, { origin: [cx, cy + offset] });
    doc.fillColor('#b00000').fillOpacity(0.16);
    inFooterBand(doc, () => doc.text(mark, cx - w / 2, cy + offset - 20, { lineBreak: false }));
    doc.restore();
  });
  doc.fillColor('black').fillOpacity(1);
}

/** The same marks on every buffered page. */
export function drawWatermarks(doc: Doc, marks: string[]): void {
  if (marks.length === 0) return;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    drawWatermarksOnPage(doc, marks);
  }
}

/** The footer band of the current page: an optional note on the left, «Сторінка N з M». */
export function drawPageFooter(doc: Doc, page: number, pageCount: number, note?: string): void {
  if (pageCount === 1 && !note) return;
  const frame = frameOf(doc);
  useFont(doc, 'regular', 9);
  const pageText = pageCount > 1 ? `Сторінка ${page} з ${pageCount}` : '';
  inFooterBand(doc, () => {
    const y = frame.bottom + 3;
    if (note) placeLine(doc, note, frame.left, y);
    placeLine(doc, pageText, frame.left, y, { width: frame.width, align: note ? 'right' : 'center' });
  });
}

/** «Сторінка N з M» on every buffered page when there is more than one, with an optional note on the left. */
export function drawPageNumbers(doc: Doc, note?: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    drawPageFooter(doc, i - range.start + 1, range.count, note);
  }
}

/** The marks as a footer note too: diagonal text does not survive every copier or text extraction. */
export function marksNote(marks: string[]): string | undefined {
  return marks.length > 0 ? `${marks.join(' · ')} — документ не має юридичної сили` : undefined;
}

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** The parts of pdfkit 0.20 the fast line path uses (pinned in package.json). */
interface PdfkitTextInternals {
  _font: {
    id: string;
    ascender: number;
    encode(text: string): [string[], GlyphPosition[]];
    ref(): unknown;
  };
  _fontSize: number;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(data: string | Uint8Array): void;
}

const pdfNumber = (n: number): string => String(Math.round(n * 1000) / 1000);

/**
 * One of pdfkit's layout pieces (a word with its trailing space), encoded for one document's font
 * subset: hex glyph runs, each closed by the kerning after its last glyph (`TJ` operands).
 */
interface EncodedPiece {
  runs: { hex: string; kern: number }[];
  /** Glyphs with positioning offsets: the line takes pdfkit's regular path. */
  offsets: boolean;
}

/** Per document font (its subset numbering is the document's own), the pieces already encoded. */
const encodedPieces = new WeakMap<object, Map<string, EncodedPiece>>();

/** pdfkit lays a line out piece by piece, cutting after every space or tab; the same cuts here. */
function layoutPieces(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 9) {
      pieces.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

function encodePiece(font: PdfkitTextInternals['_font'], piece: string): EncodedPiece {
  const [glyphs, positions] = font.encode(piece);
  const runs: EncodedPiece['runs'] = [];
  let hex = '';
  glyphs.forEach((glyph, i) => {
    hex += glyph;
    const position = positions[i];
    const kern = position ? position.xAdvance - position.advanceWidth : 0;
    if (kern !== 0 || i === glyphs.length - 1) {
      runs.push({ hex, kern });
      hex = '';
    }
  });
  return { runs, offsets: positions.some((p) => p.xOffset || p.yOffset) };
}

/** The `TJ` array of a line, or null when a glyph needs positioning offsets. */
function encodeLine(font: PdfkitTextInternals['_font'], text: string): string | null {
  let cache = encodedPieces.get(font);
  if (!cache) {
    cache = new Map();
    encodedPieces.set(font, cache);
  }
  const segments: string[] = [];
  let open = '';
  for (const piece of layoutPieces(text)) {
    let encoded = cache.get(piece);
    if (!encoded) {
      encoded = encodePiece(font, piece);
      cache.set(piece, encoded);
    }
    if (encoded.offsets) return null;
    // A run whose last glyph has no kerning continues into the next piece, as in pdfkit's own output.
    for (const run of encoded.runs) {
      open += run.hex;
      if (run.kern !== 0) {
        segments.push(`<${open}> ${pdfNumber(-run.kern)}`);
        open = '';
      }
    }
  }
  if (open) segments.push(`<${open}> 0`);
  return segments.join(' ');
}

/**
 * The content-stream operators of a left-aligned line: the same operators pdfkit's `text()` writes,
 * without its per-call option handling, measuring and graphics-state bookkeeping. Words repeat
 * (the journal's ~180,000 cell lines for 10,000 rows), so each is encoded once per document.
 * Returns null for glyphs with positioning offsets (none in Ukrainian text in PT Serif), which
 * then take the regular `placeLine` path.
 */
export function lineOperators(doc: Doc, text: string, x: number, y: number): string | null {
  const internals = doc as unknown as PdfkitTextInternals;
  const font = internals._font;
  const size = internals._fontSize;
  const glyphs = encodeLine(font, text);
  if (glyphs === null) return null;
  internals.page.fonts[font.id] ??= font.ref();
  const scale = size / 1000;
  const baseline = internals.page.height - y - font.ascender * scale;
  return (
    `q 1 0 0 -1 0 ${pdfNumber(internals.page.height)} cm BT 1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm ` +
    `/${font.id} ${pdfNumber(size)} Tf [${glyphs}] TJ ET Q`
  );
}

/**
 * A page of table cells written as one block: every border first (light grey fill for header
 * cells), then every line of text inside a single text object, switching fonts only where they
 * change. The journal prints ~1,400 pages for 10,000 rows; per-line graphics state and font
 * operators made up half of the page content that has to be compressed.
 */
export class CellBlock {
  private readonly borders: string[] = [];
  private readonly shaded: string[] = [];
  private readonly lines: string[] = [];
  private font = '';

  constructor(private readonly doc: Doc) {}

  /** A cell border in the page's top-left coordinates, filled grey when `fillGrey` is given. */
  border(x: number, y: number, width: number, height: number, fillGrey?: number): void {
    const box = `${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re`;
    if (fillGrey === undefined) this.borders.push(box);
    else this.shaded.push(`${fillGrey} g ${box} B`);
  }

  /** A left-aligned line in the current font; false when it must take `placeLine` (after `write`). */
  line(text: string, x: number, y: number): boolean {
    const internals = this.doc as unknown as PdfkitTextInternals;
    const font = internals._font;
    const glyphs = encodeLine(font, text);
    if (glyphs === null) return false;
    internals.page.fonts[font.id] ??= font.ref();
    const size = internals._fontSize;
    const baseline = internals.page.height - y - (font.ascender * size) / 1000;
    const fontOperator = `/${font.id} ${pdfNumber(size)} Tf`;
    if (fontOperator !== this.font) {
      this.lines.push(fontOperator);
      this.font = fontOperator;
    }
    this.lines.push(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm [${glyphs}] TJ`);
    return true;
  }

  /** Appends the block to the current page and starts an empty one. */
  write(): void {
    const operators: string[] = [];
    if (this.borders.length > 0 || this.shaded.length > 0) {
      operators.push('q 0.5 w', ...this.shaded, ...this.borders, this.borders.length > 0 ? 'S Q' : 'Q');
    }
    if (this.lines.length > 0) {
      const height = pdfNumber((this.doc as unknown as PdfkitTextInternals).page.height);
      operators.push(`q 1 0 0 -1 0 ${height} cm BT`, ...this.lines, 'ET Q');
    }
    addOperators(this.doc, operators);
    this.borders.length = 0;
    this.shaded.length = 0;
    this.lines.length = 0;
    this.font = '';
  }
}

/** Appends operators to the current page's content stream in one write. */
export function addOperators(doc: Doc, operators: string[]): void {
  // As bytes, with the newline pdfkit appends to a string: its own conversion copies byte by byte in JS.
  if (operators.length > 0) (doc as unknown as PdfkitTextInternals).addContent(Buffer.from(`${operators.join('\n')}\n`, 'latin1'));
}
