import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

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

const fontBytes = new Map<FontRole, Buffer>();

function fontData(role: FontRole): Buffer {
  let bytes = fontBytes.get(role);
  if (!bytes) {
    const require = createRequire(import.meta.url);
    bytes = readFileSync(require.resolve(FONT_FILES[role]));
    fontBytes.set(role, bytes);
  }
  return bytes;
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
}

export function createDoc(opts: CreateDocOptions): Doc {
  const margins = opts.margins ?? DSTU_MARGINS;
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout,
    margins: { ...margins, bottom: margins.bottom + opts.footerReserve },
    bufferPages: opts.bufferPages ?? true,
    autoFirstPage: true,
    // No default font: pdfkit would otherwise load Helvetica, and a default given here is not
    // cached under our role names, so every later font switch would re-parse the TTF.
    font: null as unknown as string,
    info: { Title: opts.title, Producer: 'cnap-desk', Creator: 'cnap-desk', CreationDate: opts.createdAt },
    lang: 'uk-UA',
  });
  for (const role of Object.keys(FONT_FILES) as FontRole[]) {
    doc.registerFont(role, fontData(role) as unknown as string);
  }
  doc.font('regular');
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

/** Word widths at 1 pt per font: the journal wraps tens of thousands of cells, mostly the same words. */
const wordWidths = new WeakMap<object, Map<string, number>>();

function measure(doc: Doc, text: string): number {
  const font = (doc as unknown as { _font: object })._font;
  let widths = wordWidths.get(font);
  if (!widths) {
    widths = new Map();
    wordWidths.set(font, widths);
  }
  let unit = widths.get(text);
  if (unit === undefined) {
    unit = doc.fontSize(1).widthOfString(text);
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
  // textWidth/wordCount only feed pdfkit's link and underline boxes; passing them skips a re-measure.
  doc.text(text, left, y, { lineBreak: false, characterSpacing, textWidth: 0, wordCount: 0 } as PDFKit.Mixins.TextOptions);
}

export function useFont(doc: Doc, role: FontRole, size: number): Doc {
  return doc.font(role).fontSize(size);
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

/** The parts of pdfkit 0.20 the fast line path uses (pinned in package.json). */
interface PdfkitTextInternals {
  _font: {
    id: string;
    ascender: number;
    encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
    ref(): unknown;
  };
  _fontSize: number;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(data: string): void;
}

const pdfNumber = (n: number): string => String(Math.round(n * 1000) / 1000);

/**
 * The content-stream operators of a left-aligned line: the same operators pdfkit's `text()` writes,
 * without its per-call option handling, measuring and graphics-state bookkeeping. The journal
 * draws ~130,000 cell lines for 10,000 rows and writes them a page at a time with `addContent`.
 * Returns null for glyphs with positioning offsets (none in Ukrainian text in PT Serif), which
 * then take the regular `placeLine` path.
 */
export function lineOperators(doc: Doc, text: string, x: number, y: number): string | null {
  const internals = doc as unknown as PdfkitTextInternals;
  const font = internals._font;
  const size = internals._fontSize;
  const [encoded, positions] = font.encode(text);
  if (positions.some((p) => p.xOffset || p.yOffset)) return null;
  internals.page.fonts[font.id] ??= font.ref();
  const scale = size / 1000;
  const baseline = internals.page.height - y - font.ascender * scale;
  const segments: string[] = [];
  let run = '';
  encoded.forEach((glyph, i) => {
    run += glyph;
    const position = positions[i];
    const kern = position ? position.xAdvance - position.advanceWidth : 0;
    if (kern !== 0 || i === encoded.length - 1) {
      segments.push(`<${run}> ${pdfNumber(-kern)}`);
      run = '';
    }
  });
  return (
    `q 1 0 0 -1 0 ${pdfNumber(internals.page.height)} cm BT 1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm ` +
    `/${font.id} ${pdfNumber(size)} Tf [${segments.join(' ')}] TJ ET Q`
  );
}

/** A rectangle outline (optionally filled grey) in the page's top-left coordinates, as operators. */
export function rectOperators(x: number, y: number, width: number, height: number, fillGrey?: number): string {
  const box = `${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re`;
  return fillGrey === undefined ? `0.5 w ${box} S` : `0.5 w ${fillGrey} g ${box} B 0 g`;
}

/** Appends operators to the current page's content stream in one write. */
export function addOperators(doc: Doc, operators: string[]): void {
  if (operators.length > 0) (doc as unknown as PdfkitTextInternals).addContent(operators.join('\n'));
}
