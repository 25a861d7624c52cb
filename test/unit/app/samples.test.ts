import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRegisterSamples } from '../../../electron/app/samples.js';
import { flatText, pdfFonts, scanQrCodes, wordBoxes } from '../documents/pdf-tools.js';

const MM = 72 / 25.4;
/** ДСТУ 4163:2020: left 30 mm, right 10 mm, top and bottom 20 mm. */
const MARGINS = { left: 30 * MM, right: 10 * MM, top: 20 * MM, bottom: 20 * MM };

let files: string[] = [];
const sample = (prefix: string): string => {
  const found = files.find((file) => path.basename(file).startsWith(prefix));
  if (!found) throw new Error(`no sample ${prefix}`);
  return found;
};

/** What zbarimg read from each sample's pages, and the desk's verdict on it. */
const scanned: { file: string; text: string; status: string }[] = [];

beforeAll(async () => {
  files = await writeRegisterSamples(mkdtempSync(path.join(os.tmpdir(), 'desk-register-samples-')), undefined, async (written, call) => {
    for (const file of written) {
      for (const text of scanQrCodes(file)) scanned.push({ file: path.basename(file), text, status: (await call('documents.verify', { text })).status });
    }
  });
}, 180_000);

describe('npm run samples (through the register)', () => {
  it('every certificate’s QR code reads with zbarimg at 200 dpi and the desk verifies what it read', () => {
    const certificates = files.map((file) => path.basename(file)).filter((name) => /^(01|02|03|04|10|12)-/.test(name));
    expect([...new Set(scanned.map((scan) => scan.file))].sort()).toEqual(certificates.sort());
    for (const scan of scanned) {
      // 02 was annulled after it was printed (03 is the same entry): the desk says so rather than «valid».
      const expected = /^(02|03)-/.test(scan.file) ? 'annulled' : 'valid';
      expect(scan.status, `${scan.file}: ${scan.text}`).toBe(expected);
    }
  });

  it('writes every document type with embedded fonts only', () => {
    expect(files.map((file) => path.basename(file).slice(0, 2)).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
    for (const file of files) {
      for (const font of pdfFonts(file)) expect(font.embedded, `${file}: ${font.name}`).toBe('yes');
    }
  });

  it('declines the double surname with an apostrophe and lists all 25 members once', () => {
    const text = flatText(sample('01'));
    expect(text).toContain('Квітці-Основʼяненку Григорію Федоровичу');
    expect(text).toContain('№ 01-21/1');
    expect(text).toContain('Сторінка 2 з 2');
    expect(text.match(/Квітка-Основʼяненко Григорій Федорович/g)).toHaveLength(1);
  });

  it('marks the annulled certificate and names the one that replaced it', () => {
    const text = flatText(sample('03'));
    expect(text).toContain('АНУЛЬОВАНО');
    expect(text).toContain('01-21/3');
    expect(flatText(sample('02'))).toContain('Керуючий справами');
  });

  it('prints the refusal grounds with R7.16 and the training mark', () => {
    expect(flatText(sample('05'))).toMatch(/встановлюється у визначеному законодавством порядку/);
    expect(flatText(sample('10'))).toContain('НАВЧАЛЬНИЙ РЕЖИМ');
  });

  it('keeps every word of the certificates and the refusal inside the ДСТУ margins', () => {
    for (const prefix of ['01', '02', '03', '04', '05', '10']) {
      const { pages, words } = wordBoxes(sample(prefix));
      for (const word of words) {
        const page = pages[word.page - 1];
        if (!page) throw new Error(`no page ${word.page}`);
        const where = `${prefix} p.${word.page} «${word.text}»`;
        expect(word.xMin, where).toBeGreaterThanOrEqual(MARGINS.left - 0.5);
        expect(word.xMax, where).toBeLessThanOrEqual(page.width - MARGINS.right + 0.5);
        expect(word.yMin, where).toBeGreaterThanOrEqual(MARGINS.top - 0.5);
        expect(word.yMax, where).toBeLessThanOrEqual(page.height - MARGINS.bottom + 0.5);
      }
    }
  });
});
