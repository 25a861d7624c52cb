import { DeskError } from '../../shared/contract/errors.js';
import { issuedDocumentArchive } from './archival.js';
import { drawAnnulmentNotice, drawNumberAndDate, drawParagraph, drawSignatory, drawTitle } from './blocks.js';
import { FOOTER_RESERVE, watermarksOf } from './certificate-pdf.js';
import { drawCouncilHeader } from './header.js';
import type { InscriptionDocModel, OverlayPosition } from './models.js';
import {
  A4,
  createDoc,
  type Doc,
  drawPageNumbers,
  drawWatermarks,
  finish,
  frameOf,
  marksNote,
  MM,
  placeLine,
  useFont,
  wrapLines,
} from './pdf-base.js';

/** R7.5, R7.10: the certification inscription, on its own sheet or printed onto the submitted paper. */

export const OVERLAY_WIDTH_MM = 95;
const OVERLAY_PAD = 2 * MM;
const OVERLAY_LINE = 12.5;
const NO_MARGINS = { left: 0, right: 0, top: 0, bottom: 0 };

export async function buildInscriptionSheetPdf(model: InscriptionDocModel, createdAt: Date): Promise<Buffer> {
  const title = 'ЗАСВІДЧУВАЛЬНИЙ НАПИС';
  const archive = issuedDocumentArchive(model.header, model.journalNumber, model.date, watermarksOf(model));
  const doc = createDoc({ layout: 'portrait', footerReserve: FOOTER_RESERVE, title, createdAt, archive });
  let y = drawCouncilHeader(doc, model.header, frameOf(doc).top);
  y = drawNumberAndDate(doc, model.journalNumber, model.date, y);
  y = drawTitle(doc, title, y);
  if (model.annulled) y = drawAnnulmentNotice(doc, model.annulled, y);
  y = drawParagraph(doc, model.statement, y);
  y = drawParagraph(doc, `Засвідчений документ: ${model.certifiedDocument}.`, y);
  y = drawParagraph(doc, `Зареєстровано в журналі реєстрації довідок за № ${model.journalNumber} від ${model.date}.`, y);
  drawSignatory(doc, model.administrator, model.seal, y);
  drawPageNumbers(doc, marksNote(watermarksOf(model)));
  drawWatermarks(doc, watermarksOf(model));
  return finish(doc);
}

interface OverlayLine {
  text: string;
  role: 'regular' | 'bold' | 'italic';
}

function overlayLines(doc: Doc, model: InscriptionDocModel): OverlayLine[] {
  const width = OVERLAY_WIDTH_MM * MM - 2 * OVERLAY_PAD;
  const wrap = (text: string, role: OverlayLine['role']): OverlayLine[] => {
    useFont(doc, role, 10);
    return wrapLines(doc, text, width).map((line) => ({ text: line, role }));
  };
  return [
    ...(model.trainingMode ? wrap('НАВЧАЛЬНИЙ РЕЖИМ — НЕ ДІЙСНИЙ', 'bold') : []),
    ...(model.annulled ? wrap(`АНУЛЬОВАНО ${model.annulled.date}: ${model.annulled.reason}`, 'bold') : []),
    ...wrap(model.statement, 'bold'),
    ...wrap(`(${model.certifiedDocument})`, 'italic'),
    ...wrap(model.administrator.position, 'regular'),
    ...wrap(`____________________  ${model.administrator.fullName}`, 'regular'),
    ...wrap(`${model.date}    реєстр. № ${model.journalNumber}`, 'regular'),
    ...wrap(`М.П. (печатка «${model.seal.name}»)`, 'regular'),
  ];
}

/** Height of the printed block in millimetres, so the interface can tell where it fits. */
export function overlayHeightMm(lineCount: number): number {
  return (lineCount * OVERLAY_LINE + 2 * OVERLAY_PAD) / MM;
}

/**
 * An A4 page with only the inscription, its top-left corner at the administrator's position, to
 * be printed onto the submitted certificate; the calibration page tells the position.
 */
export async function buildInscriptionOverlayPdf(
  model: InscriptionDocModel,
  position: OverlayPosition,
  createdAt: Date,
): Promise<Buffer> {
  const doc = createDoc({ layout: 'portrait', footerReserve: 0, title: 'Засвідчувальний напис', createdAt, margins: NO_MARGINS, archive: 'plain' });
  const lines = overlayLines(doc, model);
  const heightMm = overlayHeightMm(lines.length);
  const fits =
    position.xMm >= 0 &&
    position.yMm >= 0 &&
    position.xMm + OVERLAY_WIDTH_MM <= A4.width / MM &&
    position.yMm + heightMm <= A4.height / MM;
  if (!fits) {
    throw new DeskError('invalid_input', 'errors.documents.overlayOutOfPage', {
      maxX: Math.floor(A4.width / MM - OVERLAY_WIDTH_MM),
      maxY: Math.floor(A4.height / MM - heightMm),
    });
  }
  const x = position.xMm * MM;
  const y = position.yMm * MM;
  doc.lineWidth(0.6).rect(x, y, OVERLAY_WIDTH_MM * MM, heightMm * MM).stroke();
  lines.forEach((line, i) => {
    useFont(doc, line.role, 10);
    placeLine(doc, line.text, x + OVERLAY_PAD, y + OVERLAY_PAD + i * OVERLAY_LINE);
  });
  return finish(doc);
}

/**
 * The calibration page: a millimetre grid with a labelled line every 10 mm. Laid over the
 * submitted paper against the light, it shows the xMm / yMm of the free space for the inscription.
 */
export async function buildCalibrationPdf(createdAt: Date): Promise<Buffer> {
  const doc = createDoc({ layout: 'portrait', footerReserve: 0, title: 'Калібрувальна сторінка', createdAt, margins: NO_MARGINS, archive: 'plain' });
  const widthMm = Math.floor(A4.width / MM);
  const heightMm = Math.floor(A4.height / MM);
  // Lines every 5 mm (bold every 10 mm, labelled); 1 mm ticks along the edges read off the rest.
  for (let mm = 0; mm <= Math.max(widthMm, heightMm); mm++) {
    const major = mm % 10 === 0;
    const line = mm % 5 === 0;
    doc.lineWidth(major ? 0.6 : line ? 0.25 : 0.3).strokeColor(major ? '#000000' : '#8a8a8a');
    const length = line ? Math.max(A4.width, A4.height) : 2.5 * MM;
    if (mm <= widthMm) doc.moveTo(mm * MM, 0).lineTo(mm * MM, line ? A4.height : length).stroke();
    if (mm <= heightMm) doc.moveTo(0, mm * MM).lineTo(line ? A4.width : length, mm * MM).stroke();
  }
  doc.strokeColor('black');
  useFont(doc, 'bold', 7);
  for (let mm = 10; mm < widthMm; mm += 10) {
    for (const rowMm of [5, 100, 200, 285]) placeLine(doc, `${mm}`, mm * MM + 1, rowMm * MM + 1);
  }
  for (let mm = 10; mm < heightMm; mm += 10) {
    for (const colMm of [5, 100, 195]) placeLine(doc, `${mm}`, colMm * MM + 1, mm * MM + 1);
  }
  const note = [
    'КАЛІБРУВАЛЬНА СТОРІНКА (мм). Накладіть аркуш на довідку й подивіться на світло:',
    'числа вздовж ліній — відстань від лівого (x) та верхнього (y) краю аркуша до лівого верхнього кута місця для напису.',
    `Розмір напису: ширина ${OVERLAY_WIDTH_MM} мм, висота близько ${Math.ceil(overlayHeightMm(9))} мм.`,
  ];
  const boxTop = 132 * MM;
  doc.rect(20 * MM, boxTop, 170 * MM, 18 * MM).fillAndStroke('#ffffff', '#000000');
  doc.fillColor('black');
  let y = boxTop + 2 * MM;
  note.forEach((line, i) => {
    useFont(doc, i === 0 ? 'bold' : 'regular', 8);
    for (const part of wrapLines(doc, line, 166 * MM)) {
      placeLine(doc, part, 22 * MM, y);
      y += 11;
    }
  });
  return finish(doc);
}
