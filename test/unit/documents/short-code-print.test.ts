import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { placeShortCode } from '../../../electron/documents/certificate-pdf.js';
import { createDoc, finish, useFont } from '../../../electron/documents/pdf-base.js';
import { groupShortCode, SHORT_CODE_ALPHABET } from '../../../electron/documents/verification.js';
import { pdfText } from './pdf-tools.js';

/** Codes in which every ordered pair of letters stands side by side, and every pair across the dash. */
function codesWithEveryPair(): string[] {
  const codes: string[] = [];
  for (const a of SHORT_CODE_ALPHABET) {
    for (const b of SHORT_CODE_ALPHABET) codes.push(groupShortCode(`${a}${b}${a}${b}${a}${b}${a}${b}${a}${b}`));
  }
  return codes;
}

it('prints every short code so that text extraction reads it back whole (no gap inside a code)', async () => {
  const codes = codesWithEveryPair();
  const doc = createDoc({ layout: 'portrait', footerReserve: 0, title: 'codes', createdAt: new Date(0), archive: 'plain' });
  let y = 60;
  for (const code of codes) {
    if (y > 760) {
      doc.addPage();
      y = 60;
    }
    placeShortCode(doc, code, 90, y);
    y += 24;
  }
  useFont(doc, 'regular', 12);
  const file = join(mkdtempSync(join(tmpdir(), 'cnap-codes-')), 'codes.pdf');
  writeFileSync(file, await finish(doc));
  const lines = new Set(pdfText(file, { raw: true }).split('\n').map((line) => line.trim()));
  expect(codes.filter((code) => !lines.has(code))).toEqual([]);
});
