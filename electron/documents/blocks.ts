import type { AnnulmentModel, SealModel, SignatoryModel } from './models.js';
import { type Doc, frameOf, MM, placeLine, useFont, wrapLines } from './pdf-base.js';

/** Blocks shared by the certificate, the refusal notice and the inscription sheet. */

export const BODY_SIZE = 13;
export const BODY_LINE_GAP = 2.5;
const PARAGRAPH_INDENT = 12.5 * MM;

/** Starts a new page when `height` does not fit below `y`; returns the y to draw at. */
export function ensureRoom(doc: Doc, y: number, height: number): number {
  const frame = frameOf(doc);
  if (y + height <= frame.bottom) return y;
  doc.addPage();
  return frameOf(doc).top;
}

export function drawNumberAndDate(doc: Doc, printedNumber: string, date: string, y: number): number {
  const frame = frameOf(doc);
  useFont(doc, 'regular', 12);
  placeLine(doc, `№ ${printedNumber}`, frame.left, y);
  placeLine(doc, `від ${date}`, frame.left, y, { width: frame.width, align: 'right' });
  return y + 24;
}

export function drawTitle(doc: Doc, title: string, y: number): number {
  const frame = frameOf(doc);
  useFont(doc, 'bold', 14);
  for (const line of wrapLines(doc, title, frame.width - 20 * MM)) {
    placeLine(doc, line, frame.left, y, { width: frame.width, align: 'center' });
    y += 18;
  }
  return y + 8;
}

/** Justified paragraphs with a first-line indent; pdfkit flows them onto new pages itself. */
export function drawParagraph(doc: Doc, text: string, y: number): number {
  const frame = frameOf(doc);
  useFont(doc, 'regular', BODY_SIZE);
  doc.text(text, frame.left, y, {
    // pdfkit's justification can overshoot the width by a fraction of a point; the margin is a hard limit.
    width: frame.width - 1.5,
    align: 'justify',
    indent: PARAGRAPH_INDENT,
    lineGap: BODY_LINE_GAP,
  });
  return doc.y + 6;
}

export function drawAnnulmentNotice(doc: Doc, annulled: AnnulmentModel, y: number): number {
  const frame = frameOf(doc);
  const lines = [`АНУЛЬОВАНО ${annulled.date}`, `Причина: ${annulled.reason}`];
  if (annulled.replacedBy) lines.push(`Замість цього документа видано № ${annulled.replacedBy}`);
  useFont(doc, 'bold', 12);
  const wrapped = lines.flatMap((line) => wrapLines(doc, line, frame.width - 16));
  const height = wrapped.length * 15 + 12;
  y = ensureRoom(doc, y, height);
  doc.save().lineWidth(1.5).strokeColor('#b00000').rect(frame.left, y, frame.width, height).stroke().restore();
  doc.fillColor('#b00000');
  let lineY = y + 6;
  for (const line of wrapped) {
    placeLine(doc, line, frame.left + 8, lineY);
    lineY += 15;
  }
  doc.fillColor('black');
  return y + height + 10;
}

/** Position on the left, a signature line in the middle, the name on the right; then М.П. and the seal's name (R7.10, R7.13). */
export function drawSignatory(doc: Doc, signatory: SignatoryModel, seal: SealModel | undefined, y: number): number {
  const frame = frameOf(doc);
  useFont(doc, 'regular', 12);
  const positionWidth = frame.width * 0.42;
  const nameWidth = frame.width * 0.3;
  const positionLines = wrapLines(doc, signatory.position, positionWidth);
  const nameLines = wrapLines(doc, signatory.fullName, nameWidth);
  const lineHeight = 15;
  const rows = Math.max(positionLines.length, nameLines.length);
  const blockHeight = rows * lineHeight + 46;
  y = ensureRoom(doc, y + 10, blockHeight);
  positionLines.forEach((line, i) => placeLine(doc, line, frame.left, y + i * lineHeight));
  const baseline = y + (rows - 1) * lineHeight + 12;
  const lineStart = frame.left + positionWidth + 8;
  const lineEnd = frame.right - nameWidth - 8;
  doc.lineWidth(0.6).moveTo(lineStart, baseline).lineTo(lineEnd, baseline).stroke();
  useFont(doc, 'italic', 7);
  placeLine(doc, '(підпис)', lineStart, baseline + 2, { width: lineEnd - lineStart, align: 'center' });
  useFont(doc, 'regular', 12);
  const nameTop = y + (rows - nameLines.length) * lineHeight;
  nameLines.forEach((line, i) => placeLine(doc, line, frame.right - nameWidth, nameTop + i * lineHeight, { width: nameWidth, align: 'right' }));
  if (seal) {
    useFont(doc, 'regular', 10);
    placeLine(doc, `М.П. (печатка «${seal.name}»)`, frame.left, baseline + 16);
  }
  return y + blockHeight - (seal ? 0 : 14);
}
