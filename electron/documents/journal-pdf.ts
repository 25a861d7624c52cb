import type { JournalPagesModel, JournalRowModel } from './models.js';
import {
  CellBlock,
  createDoc,
  type Doc,
  drawPageFooter,
  drawWatermarksOnPage,
  marksNote,
  finish,
  frameOf,
  type FontRole,
  MM,
  placeLine,
  useFont,
  wrapLines,
} from './pdf-base.js';

/**
 * Journal pages for signing (R7.7, R7.10): A4 landscape, the columns of domain section E, an
 * empty column for the recipient's handwritten signature, the header row on every page. Each
 * page's footer prints the chain head after its last entry (first 16 hex characters of that
 * entry's hash), so the signed paper witnesses the electronic journal.
 */

export const JOURNAL_HEADERS = [
  '№ запису',
  'Дата',
  'ПІБ особи, адреса',
  'Що видано (засвідчено)',
  'Подані документи',
  'Адміністратор',
  'Дата отримання',
  'Підпис отримувача',
] as const;
/**
 * Millimetres (257 in all). The recipient signs by hand in the last column, so it gets at least
 * 3 cm; the receipt column holds a representative's name and power of attorney (R7.4.4), so it
 * is wider than a date needs.
 */
const COLUMN_MM = [25, 18, 47, 38, 38, 24, 37, 30] as const;

export const WITNESS_LENGTH = 16;
export const WITNESS_LABEL = 'Контрольний код сторінки:';

const SIZE = 9;
const LINE = 11;
const PAD = 2.5;
const HEADER_SIZE = 8.5;
const FOOTER_RESERVE = 16;

export function witnessCode(hash: string): string {
  return hash.slice(0, WITNESS_LENGTH);
}

interface Cell {
  lines: string[];
  role: FontRole;
  size: number;
  /** Lines from this index on are the row's hash, printed small. */
  smallFrom?: number;
}

interface PreparedRow {
  cells: Cell[];
  lineCount: number;
  hash: string;
}

/** The smallest size a cell's font shrinks to so that no word has to be cut. */
const MIN_SIZE = 5;

/**
 * The size at which every word of the text fits its column, breaking only at spaces and after
 * hyphens: a word wider than the column is never cut mid-word («представн/ик»), its cell's font
 * shrinks instead (no-break spaces keep «№ 01-21/3» whole).
 */
function fittingSize(doc: Doc, text: string, width: number, role: FontRole, size: number): number {
  const pieces = text.split(/[ \t\r\n]+/).flatMap((word) => word.split(/(?<=-)/)).filter(Boolean);
  for (let candidate = size; candidate > MIN_SIZE; candidate -= 0.5) {
    useFont(doc, role, candidate);
    if (pieces.every((piece) => doc.widthOfString(piece) <= width)) return candidate;
  }
  return MIN_SIZE;
}

function cell(doc: Doc, text: string, widthMm: number, role: FontRole = 'regular', size = SIZE): Cell {
  const width = widthMm * MM - 2 * PAD;
  const fitted = fittingSize(doc, text, width, role, size);
  useFont(doc, role, fitted);
  return { lines: wrapLines(doc, text, width), role, size: fitted };
}

function prepareRow(doc: Doc, row: JournalRowModel): PreparedRow {
  const what = [row.what, row.reissueNote, row.annulledNote].filter(Boolean).join('\n');
  const numberCell = cell(doc, row.printedNumber, COLUMN_MM[0], 'bold');
  numberCell.smallFrom = numberCell.lines.length;
  numberCell.lines.push(witnessCode(row.hash));
  const cells: Cell[] = [
    numberCell,
    cell(doc, row.date, COLUMN_MM[1]),
    cell(doc, `${row.personName}\n${row.address}`, COLUMN_MM[2]),
    cell(doc, what, COLUMN_MM[3]),
    cell(doc, row.grounds, COLUMN_MM[4]),
    cell(doc, row.administrator, COLUMN_MM[5]),
    cell(doc, row.received ?? '', COLUMN_MM[6]),
    { lines: [], role: 'regular', size: SIZE },
  ];
  return { cells, lineCount: Math.max(2, ...cells.map((c) => c.lines.length)), hash: row.hash };
}

interface RowSlice {
  row: PreparedRow;
  fromLine: number;
  count: number;
  /** The row's last line is in this slice, so its hash is the chain head after it. */
  ends: boolean;
}

interface PageGeometry {
  firstTop: number;
  nextTop: number;
  bottom: number;
}

function sliceHeight(count: number): number {
  return count * LINE + 2 * PAD;
}

/**
 * First pass: decides which rows (or, for a row taller than a page, which lines) go on which
 * page. A row moves whole to the next page; only a row taller than a whole page continues.
 */
export function paginateRows(rows: PreparedRow[], geometry: PageGeometry): RowSlice[][] {
  const pages: RowSlice[][] = [[]];
  let y = geometry.firstTop;
  const linesFitting = (top: number): number => Math.floor((geometry.bottom - top - 2 * PAD) / LINE);
  const fullPage = linesFitting(geometry.nextTop);
  const newPage = (): void => {
    pages.push([]);
    y = geometry.nextTop;
  };
  for (const row of rows) {
    if (row.lineCount > linesFitting(y) && row.lineCount <= fullPage) newPage();
    let from = 0;
    while (from < row.lineCount) {
      const count = Math.min(row.lineCount - from, linesFitting(y));
      if (count <= 0) {
        newPage();
        continue;
      }
      pages.at(-1)?.push({ row, fromLine: from, count, ends: from + count === row.lineCount });
      y += sliceHeight(count);
      from += count;
    }
  }
  return pages;
}

class JournalWriter {
  private y = 0;
  private readonly headerCells: Cell[];
  readonly headerHeight: number;

  constructor(
    private readonly doc: Doc,
    private readonly model: JournalPagesModel,
  ) {
    this.headerCells = JOURNAL_HEADERS.map((text, i) => cell(doc, text, COLUMN_MM[i] ?? 0, 'bold', HEADER_SIZE));
    this.headerHeight = Math.max(...this.headerCells.map((c) => c.lines.length)) * LINE + 2 * PAD;
  }

  /** Title lines of the first page; returns the y where the header row starts. */
  drawTitle(): number {
    const frame = frameOf(this.doc);
    let y = frame.top;
    useFont(this.doc, 'bold', 11);
    placeLine(this.doc, this.model.councilName, frame.left, y, { width: frame.width, align: 'center' });
    y += 16;
    useFont(this.doc, 'bold', 13);
    for (const line of wrapLines(this.doc, `Журнал ${this.model.journalIndex}. ${this.model.journalTitle}`, frame.width)) {
      placeLine(this.doc, line, frame.left, y, { width: frame.width, align: 'center' });
      y += 17;
    }
    useFont(this.doc, 'regular', 11);
    placeLine(this.doc, `за період з ${this.model.from} по ${this.model.to}`, frame.left, y, { width: frame.width, align: 'center' });
    return y + 22;
  }

  /** The running head of a continuation page; returns the y where the header row starts. */
  drawRunningHead(): number {
    const frame = frameOf(this.doc);
    useFont(this.doc, 'italic', 8);
    placeLine(this.doc, `Журнал ${this.model.journalIndex}. ${this.model.journalTitle} (${this.model.from} – ${this.model.to})`, frame.left, frame.top, {
      width: frame.width,
      align: 'right',
    });
    return frame.top + 14;
  }

  drawPage(slices: RowSlice[], top: number): void {
    this.y = top;
    const block = new CellBlock(this.doc);
    this.drawCells(block, this.headerCells, 0, Math.round((this.headerHeight - 2 * PAD) / LINE), this.headerHeight, true);
    for (const slice of slices) {
      this.drawCells(block, slice.row.cells, slice.fromLine, slice.count, sliceHeight(slice.count), false);
    }
    block.write();
  }

  private drawCells(block: CellBlock, cells: Cell[], fromLine: number, lineCount: number, height: number, shaded: boolean): void {
    const doc = this.doc;
    let x = frameOf(doc).left;
    cells.forEach((c, i) => {
      const width = (COLUMN_MM[i] ?? 0) * MM;
      block.border(x, this.y, width, height, shaded ? 0.93 : undefined);
      useFont(doc, c.role, c.size);
      c.lines.slice(fromLine, fromLine + lineCount).forEach((line, k) => {
        if (c.smallFrom !== undefined && fromLine + k >= c.smallFrom) useFont(doc, 'regular', 7);
        if (!line) return;
        const lineY = this.y + PAD + k * LINE;
        if (block.line(line, x + PAD, lineY)) return;
        block.write();
        placeLine(doc, line, x + PAD, lineY);
      });
      x += width;
    });
    this.y += height;
  }

  emptyNote(top: number): void {
    useFont(this.doc, 'italic', 10);
    placeLine(this.doc, 'За цей період записів немає.', frameOf(this.doc).left, top + this.headerHeight + 8);
  }
}

/** The witness code of each page: the chain head after the last entry that ends on it. */
export function pageHeads(pages: RowSlice[][]): (string | undefined)[] {
  return pages.map((slices) => slices.filter((slice) => slice.ends).at(-1)?.row.hash);
}

export type JournalPdfStage = 'layout' | 'rendering';

/** Progress in rows of the journal; the signal stops the work between steps (long operations show progress and can be cancelled). */
export interface JournalPdfWatch {
  onProgress?: (stage: JournalPdfStage, rowsDone: number, rowsTotal: number) => void;
  signal?: AbortSignal;
}

const LAYOUT_ROWS_PER_STEP = 200;

/**
 * Between steps the event loop gets a turn, so the desk answers other calls (the progress polls
 * among them) while thousands of rows are laid out and drawn, and a cancel can take effect.
 */
async function yieldTurn(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}

async function prepareRows(doc: Doc, rows: readonly JournalRowModel[], watch: JournalPdfWatch): Promise<PreparedRow[]> {
  const prepared: PreparedRow[] = [];
  for (const row of rows) {
    prepared.push(prepareRow(doc, row));
    if (prepared.length % LAYOUT_ROWS_PER_STEP === 0) {
      watch.onProgress?.('layout', prepared.length, rows.length);
      await yieldTurn(watch.signal);
    }
  }
  watch.onProgress?.('layout', rows.length, rows.length);
  return prepared;
}

export async function buildJournalPdf(model: JournalPagesModel, createdAt: Date, watch: JournalPdfWatch = {}): Promise<Buffer> {
  const doc = createDoc({
    layout: 'landscape',
    footerReserve: FOOTER_RESERVE,
    title: `Журнал ${model.journalIndex}`,
    createdAt,
    bufferPages: false,
    archive: {
      identifier: model.journalIndex,
      date: model.to,
      coverage: `${model.from}–${model.to}`,
      publishers: [model.councilName],
      translucentMarks: model.trainingMode,
    },
  });
  const writer = new JournalWriter(doc, model);
  const firstTop = writer.drawTitle();
  const frame = frameOf(doc);
  const rows = await prepareRows(doc, model.rows, watch);
  const pages = paginateRows(rows, {
    firstTop: firstTop + writer.headerHeight,
    nextTop: frame.top + 14 + writer.headerHeight,
    bottom: frame.bottom,
  });
  const heads = pageHeads(pages);
  const marks = model.trainingMode ? ['НАВЧАЛЬНИЙ РЕЖИМ'] : [];
  let rowsDrawn = 0;
  for (const [index, slices] of pages.entries()) {
    const top = index === 0 ? firstTop : (doc.addPage(), writer.drawRunningHead());
    writer.drawPage(slices, top);
    if (model.rows.length === 0) writer.emptyNote(top);
    const head = heads[index];
    const notes = [head ? `${WITNESS_LABEL} ${witnessCode(head)}` : undefined, marksNote(marks)].filter(Boolean);
    drawPageFooter(doc, index + 1, pages.length, notes.length > 0 ? notes.join('   ') : undefined);
    drawWatermarksOnPage(doc, marks);
    rowsDrawn += slices.filter((slice) => slice.ends).length;
    watch.onProgress?.('rendering', rowsDrawn, model.rows.length);
    if (index < pages.length - 1) await yieldTurn(watch.signal);
  }
  return finish(doc);
}
