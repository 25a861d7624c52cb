import type { CouncilRequisites } from '../../shared/domain/requisites.js';
import type { CouncilHeader } from './models.js';
import { type Doc, frameOf, placeLine, useFont, wrapLines } from './pdf-base.js';

export function councilHeaderFrom(requisites: CouncilRequisites): CouncilHeader {
  return {
    country: 'УКРАЇНА',
    councilName: requisites.councilName,
    executiveCommitteeName: requisites.executiveCommitteeName,
    cnapDepartmentName: requisites.cnapDepartmentName,
    address: requisites.address,
    phone: requisites.phone,
    email: requisites.email,
    ...(requisites.website ? { website: requisites.website } : {}),
    ...(requisites.emblemPngBase64 ? { emblemPngBase64: requisites.emblemPngBase64 } : {}),
  };
}

function centredBlock(doc: Doc, text: string, y: number, lineHeight: number): number {
  const frame = frameOf(doc);
  for (const line of wrapLines(doc, text, frame.width)) {
    placeLine(doc, line, frame.left, y, { width: frame.width, align: 'center' });
    y += lineHeight;
  }
  return y;
}

function contactsLine(header: CouncilHeader): string {
  const parts = [header.address];
  if (header.phone) parts.push(`тел. ${header.phone}`);
  if (header.email) parts.push(`e-mail: ${header.email}`);
  if (header.website) parts.push(header.website);
  return parts.join(' · ');
}

/** The council block, centred: emblem, УКРАЇНА, council, committee, ЦНАП, a rule, contacts. Returns the y below it. */
export function drawCouncilHeader(doc: Doc, header: CouncilHeader, startY: number): number {
  const frame = frameOf(doc);
  let y = startY;
  if (header.emblemPngBase64) {
    const emblemHeight = 17 * 2.8346;
    doc.image(Buffer.from(header.emblemPngBase64, 'base64'), frame.left + frame.width / 2 - 20, y, {
      fit: [40, emblemHeight],
      align: 'center',
    });
    y += emblemHeight + 4;
  }
  useFont(doc, 'bold', 12);
  placeLine(doc, header.country, frame.left, y, { width: frame.width, align: 'center', characterSpacing: 2 });
  y += 17;
  useFont(doc, 'bold', 13);
  y = centredBlock(doc, header.councilName.toLocaleUpperCase('uk-UA'), y, 16);
  useFont(doc, 'bold', 12);
  y = centredBlock(doc, header.executiveCommitteeName.toLocaleUpperCase('uk-UA'), y, 15);
  useFont(doc, 'regular', 11);
  y = centredBlock(doc, header.cnapDepartmentName, y + 1, 14);
  y += 4;
  doc.lineWidth(1.2).moveTo(frame.left, y).lineTo(frame.right, y).stroke();
  doc.lineWidth(0.4).moveTo(frame.left, y + 2.5).lineTo(frame.right, y + 2.5).stroke();
  y += 6;
  useFont(doc, 'regular', 9);
  y = centredBlock(doc, contactsLine(header), y, 11.5);
  return y + 10;
}
