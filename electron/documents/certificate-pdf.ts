import {
  BODY_LINE_GAP,
  BODY_SIZE,
  drawAnnulmentNotice,
  drawNumberAndDate,
  drawParagraph,
  drawSignatory,
  drawTitle,
  ensureRoom,
} from './blocks.js';
import { issuedDocumentArchive } from './archival.js';
import { drawCouncilHeader } from './header.js';
import type { CertificateDocModel, HouseholdRowModel, VerificationStamp } from './models.js';
import { drawQr } from './qr.js';
import {
  createDoc,
  type Doc,
  drawPageNumbers,
  marksNote,
  drawWatermarks,
  finish,
  frameOf,
  inFooterBand,
  MM,
  placeLine,
  useFont,
  wrapLines,
} from './pdf-base.js';

export const FOOTER_RESERVE = 16;
export const HOUSEHOLD_HEADERS = ['№', 'Прізвище, ім’я, по батькові', 'Родинний зв’язок', 'Дата народження'] as const;

const CELL_PAD = 3;
const TABLE_SIZE = 11.5;
const TABLE_LINE = 14;

interface Column {
  width: number;
  align: 'left' | 'center';
}

function householdColumns(totalWidth: number): Column[] {
  const fixed = [10 * MM, 36 * MM, 27 * MM];
  const nameWidth = totalWidth - fixed.reduce((a, b) => a + b, 0);
  return [
    { width: fixed[0] ?? 0, align: 'center' },
    { width: nameWidth, align: 'left' },
    { width: fixed[1] ?? 0, align: 'left' },
    { width: fixed[2] ?? 0, align: 'center' },
  ];
}

function drawTableRow(doc: Doc, cells: string[][], columns: Column[], y: number, height: number, bold: boolean): void {
  const frame = frameOf(doc);
  let x = frame.left;
  useFont(doc, bold ? 'bold' : 'regular', bold ? 10.5 : TABLE_SIZE);
  columns.forEach((column, index) => {
    doc.lineWidth(0.5).rect(x, y, column.width, height).stroke();
    (cells[index] ?? []).forEach((line, lineIndex) => {
      placeLine(doc, line, x + CELL_PAD, y + CELL_PAD + lineIndex * TABLE_LINE, {
        width: column.width - 2 * CELL_PAD,
        align: column.align,
      });
    });
    x += column.width;
  });
}

function wrapRow(doc: Doc, values: string[], columns: Column[], bold: boolean): { cells: string[][]; height: number } {
  useFont(doc, bold ? 'bold' : 'regular', bold ? 10.5 : TABLE_SIZE);
  const cells = values.map((value, index) => wrapLines(doc, value, (columns[index]?.width ?? 0) - 2 * CELL_PAD));
  const lines = Math.max(...cells.map((cell) => cell.length));
  return { cells, height: lines * TABLE_LINE + 2 * CELL_PAD };
}

/**
 * The household table: a row is never split; when the next row does not fit, a new page starts
 * and the header row is repeated there, so every page of the table reads on its own.
 */
function drawHousehold(doc: Doc, household: HouseholdRowModel[], startY: number): number {
  const columns = householdColumns(frameOf(doc).width);
  const header = wrapRow(doc, [...HOUSEHOLD_HEADERS], columns, true);
  const rows = household.map((member, index) =>
    wrapRow(doc, [`${index + 1}`, member.fullName, member.relation, member.birthDate], columns, false),
  );
  let y = ensureRoom(doc, startY, header.height + (rows[0]?.height ?? 0));
  drawTableRow(doc, header.cells, columns, y, header.height, true);
  y += header.height;
  for (const row of rows) {
    if (y + row.height > frameOf(doc).bottom) {
      doc.addPage();
      y = frameOf(doc).top;
      drawTableRow(doc, header.cells, columns, y, header.height, true);
      y += header.height;
    }
    drawTableRow(doc, row.cells, columns, y, row.height, false);
    y += row.height;
  }
  return y + 10;
}

const QR_SIZE = 25 * MM;
/** Page 1 keeps this band free above the footer for the QR block, so the code is always on the first sheet. */
const QR_RESERVE = QR_SIZE + 8;
/** Enough for the signatory block, so a signature never stands on a page without text. */
const SIGNATORY_ROOM = 75;

/**
 * The short code in large spaced letters. The spacing stays at 2 pt: from 3 pt, text extraction
 * (pdftotext, a screen reader, a copy-paste) reads a gap inside the code for some letter pairs.
 */
export function placeShortCode(doc: Doc, code: string, x: number, y: number): void {
  useFont(doc, 'bold', 20);
  placeLine(doc, code, x, y, { characterSpacing: 2 });
}

/** The QR code at the bottom of the first page, the short code beside it in large spaced letters. */
function drawVerification(doc: Doc, stamp: VerificationStamp): void {
  doc.switchToPage(doc.bufferedPageRange().start);
  const frame = frameOf(doc);
  const top = frame.bottom + 8;
  const textLeft = frame.left + QR_SIZE + 6 * MM;
  const textWidth = frame.right - textLeft;
  inFooterBand(doc, () => {
    drawQr(doc, stamp.qrText, frame.left, top, QR_SIZE);
    useFont(doc, 'regular', 9);
    placeLine(doc, 'Код перевірки довідки:', textLeft, top + 4);
    placeShortCode(doc, stamp.shortCode, textLeft, top + 17);
    useFont(doc, 'regular', 8.5);
    const note =
      'Справжність довідки можна перевірити в ЦНАП за цим кодом (зокрема телефоном) або самостійно: ' +
      'QR-код містить електронний підпис ЦНАП, відкриті ключі оприлюднено на вебсайті ради.';
    wrapLines(doc, note, textWidth).forEach((line, i) => placeLine(doc, line, textLeft, top + 44 + i * 10.5));
  });
  doc.page.margins.bottom -= QR_RESERVE;
}

/** Keeps the last paragraph on the page of the signature (no signature alone on a sheet). */
function keepWithSignatory(doc: Doc, text: string, y: number): number {
  useFont(doc, 'regular', BODY_SIZE);
  const height = doc.heightOfString(text, { width: frameOf(doc).width, lineGap: BODY_LINE_GAP, align: 'justify' });
  return height + SIGNATORY_ROOM < frameOf(doc).height ? ensureRoom(doc, y, height + SIGNATORY_ROOM) : y;
}

export async function buildCertificatePdf(model: CertificateDocModel, createdAt: Date): Promise<Buffer> {
  const archive = issuedDocumentArchive(model.header, model.printedNumber, model.date, watermarksOf(model));
  const doc = createDoc({ layout: 'portrait', footerReserve: FOOTER_RESERVE, title: model.title, createdAt, archive });
  doc.page.margins.bottom += QR_RESERVE;
  let y = drawCouncilHeader(doc, model.header, frameOf(doc).top);
  y = drawNumberAndDate(doc, model.printedNumber, model.date, y);
  y = drawTitle(doc, model.title, y);
  if (model.annulled) y = drawAnnulmentNotice(doc, model.annulled, y);
  const household = model.household ?? [];
  const last = model.paragraphs.length - 1;
  const tableAfter = Math.min(model.householdAt ?? Number.POSITIVE_INFINITY, last);
  if (household.length > 0 && tableAfter < 0) y = drawHousehold(doc, household, y);
  model.paragraphs.forEach((paragraph, index) => {
    if (index === last && !(household.length > 0 && tableAfter === last)) y = keepWithSignatory(doc, paragraph, y);
    y = drawParagraph(doc, paragraph, y);
    if (household.length > 0 && index === tableAfter) y = drawHousehold(doc, household, y + 2);
  });
  drawSignatory(doc, model.signatory, model.seal, y);
  drawVerification(doc, model.verification);
  drawPageNumbers(doc, marksNote(watermarksOf(model)));
  drawWatermarks(doc, watermarksOf(model));
  return finish(doc);
}

export function watermarksOf(model: { trainingMode: boolean; annulled?: unknown }): string[] {
  return [...(model.trainingMode ? ['НАВЧАЛЬНИЙ РЕЖИМ'] : []), ...(model.annulled ? ['АНУЛЬОВАНО'] : [])];
}
