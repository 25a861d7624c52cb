import { drawAnnulmentNotice, drawNumberAndDate, drawParagraph, drawSignatory, drawTitle, ensureRoom } from './blocks.js';
import { issuedDocumentArchive } from './archival.js';
import { FOOTER_RESERVE, watermarksOf } from './certificate-pdf.js';
import { drawCouncilHeader } from './header.js';
import type { RefusalNoticeDocModel } from './models.js';
import {
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

/** The addressee block sits in the right half, as in Ukrainian official letters. */
function drawAddressee(doc: Doc, addressee: RefusalNoticeDocModel['addressee'], y: number): number {
  const frame = frameOf(doc);
  const left = frame.left + frame.width * 0.5;
  const width = frame.right - left;
  useFont(doc, 'regular', 12);
  const lines = [
    ...wrapLines(doc, `${addressee.label}: ${addressee.fullName}`, width),
    ...wrapLines(doc, addressee.address, width),
  ];
  lines.forEach((line, i) => placeLine(doc, line, left, y + i * 15));
  return y + lines.length * 15 + 12;
}

/** Numbered grounds with a hanging indent: «1) text (пп. 2 п. 7.4 Регламенту)». */
function drawGrounds(doc: Doc, model: RefusalNoticeDocModel, y: number): number {
  const frame = frameOf(doc);
  const numberAt = frame.left + 4 * MM;
  const textAt = numberAt + 8 * MM;
  useFont(doc, 'regular', 13);
  model.grounds.forEach((ground, index) => {
    // Grounds written by the rules already name their point; the citation is added only when missing.
    const text = /пункт|п\.\s?\d/.test(ground.text) ? ground.text : `${ground.text} (${ground.citation})`;
    const lines = wrapLines(doc, text, frame.right - textAt);
    lines.forEach((line, lineIndex) => {
      y = ensureRoom(doc, y, 17);
      useFont(doc, 'regular', 13);
      if (lineIndex === 0) placeLine(doc, `${index + 1})`, numberAt, y);
      placeLine(doc, line, textAt, y);
      y += 17;
    });
    y += 3;
  });
  return y + 4;
}

export async function buildRefusalPdf(model: RefusalNoticeDocModel, createdAt: Date): Promise<Buffer> {
  const title = 'ПОВІДОМЛЕННЯ про відмову';
  const archive = issuedDocumentArchive(model.header, model.printedNumber, model.date, watermarksOf(model));
  const doc = createDoc({ layout: 'portrait', footerReserve: FOOTER_RESERVE, title, createdAt, archive });
  let y = drawCouncilHeader(doc, model.header, frameOf(doc).top);
  y = drawNumberAndDate(doc, model.printedNumber, model.date, y);
  y = drawAddressee(doc, model.addressee, y);
  y = drawTitle(doc, title, y);
  if (model.annulled) y = drawAnnulmentNotice(doc, model.annulled, y);
  y = drawParagraph(
    doc,
    `Ви звернулися до відділу із заявою про ${model.requested}. Повідомляємо, що вам відмовлено з таких підстав, передбачених Регламентом виконавчих органів ради:`,
    y,
  );
  y = drawGrounds(doc, model, y);
  if (model.referral) y = drawParagraph(doc, model.referral, y);
  y = drawParagraph(doc, model.lawNotice, y);
  drawSignatory(doc, model.signatory, undefined, y);
  drawPageNumbers(doc, marksNote(watermarksOf(model)));
  drawWatermarks(doc, watermarksOf(model));
  return finish(doc);
}
