import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertificatePdf, HOUSEHOLD_HEADERS } from '../../../electron/documents/certificate-pdf.js';
import { certificateTitle, composeCertificate, LAW_NOTICE_R7_16 } from '../../../electron/documents/compose.js';
import { findKind } from '../../../shared/rules/catalogue.js';
import { fixtureBody, fixtureKindName, fixtureRequisites } from './fixtures.js';
import { fullNameOf, printedDate } from '../../../electron/documents/format.js';
import { councilHeaderFrom } from '../../../electron/documents/header.js';
import { SAMPLE_FILES, type SamplesResult, writeSamples } from './layout-samples.js';
import { stampEntry } from '../../../electron/documents/verification.js';
import { columnText, flatText, pageCount, pdfFonts, wordBoxes } from './pdf-tools.js';

const MM = 72 / 25.4;
const TOLERANCE = 0.5;
/** ДСТУ 4163:2020: left 30 mm, right 10 mm, top and bottom 20 mm. */
const MARGINS = { left: 30 * MM, right: 10 * MM, top: 20 * MM, bottom: 20 * MM };

let samples: SamplesResult;

beforeAll(async () => {
  samples = await writeSamples(mkdtempSync(join(tmpdir(), 'cnap-samples-')));
});

const file = (name: (typeof SAMPLE_FILES)[number]): string => samples.files[name];

describe('every sample', () => {
  it('writes one PDF per document type', () => {
    for (const name of SAMPLE_FILES) expect(readFileSync(file(name)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('uses only embedded PT Serif fonts (pdffonts emb = yes)', () => {
    for (const name of SAMPLE_FILES) {
      const fonts = pdfFonts(file(name));
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, `${name}: ${font.name}`).toBe('yes');
        expect(font.name, name).toMatch(/^[A-Z]{6}\+PTSerif-/);
      }
    }
  });

  it('keeps every word inside the ДСТУ margins (pdftotext -bbox)', () => {
    const framed = SAMPLE_FILES.filter((name) => name !== 'inscription-overlay.pdf' && name !== 'inscription-calibration.pdf');
    for (const name of framed) {
      const { pages, words } = wordBoxes(file(name));
      expect(words.length, name).toBeGreaterThan(20);
      for (const word of words) {
        const page = pages[word.page - 1];
        if (!page) throw new Error(`no page ${word.page}`);
        const where = `${name} p.${word.page} «${word.text}» ${word.xMin.toFixed(1)},${word.yMin.toFixed(1)}–${word.xMax.toFixed(1)},${word.yMax.toFixed(1)}`;
        expect(word.xMin, where).toBeGreaterThanOrEqual(MARGINS.left - TOLERANCE);
        expect(word.xMax, where).toBeLessThanOrEqual(page.width - MARGINS.right + TOLERANCE);
        expect(word.yMin, where).toBeGreaterThanOrEqual(MARGINS.top - TOLERANCE);
        expect(word.yMax, where).toBeLessThanOrEqual(page.height - MARGINS.bottom + TOLERANCE);
      }
    }
  });
});

describe('certificates', () => {
  it('prints the declined name, number, date, title and signatory of the combined certificate', () => {
    const entry = samples.fixtures.combined;
    const text = flatText(file('certificate-combined-household.pdf'));
    expect(entry.content.sort).toBe('certificate');
    if (entry.content.sort !== 'certificate') return;
    expect(text).toContain(entry.content.subject.declined.dative);
    expect(text).toContain(`№ ${entry.printedNumber}`);
    expect(text).toContain(`від ${printedDate(entry.localDate)}`);
    expect(text).toContain(certificateTitle(entry.content.kinds.map((kind) => findKind(kind)?.title ?? kind)));
    expect(text).toContain(entry.content.signatory.fullName);
    expect(text).toContain(`М.П. (печатка «${entry.content.signatory.sealName}»)`);
    expect(text).toContain(fixtureRequisites.councilName.toLocaleUpperCase('uk-UA'));
  });

  it('prints the short code of the entry and page numbers on a multi-page certificate', () => {
    const path = file('certificate-combined-household.pdf');
    const pages = pageCount(path);
    const stamp = stampEntry(samples.fixtures.combined, samples.keys);
    expect(flatText(path)).toContain(stamp.shortCode);
    for (let page = 1; page <= pages; page++) expect(flatText(path, page)).toContain(`Сторінка ${page} з ${pages}`);
  });

  it('spreads the 25-member household over pages, header row on each, no member lost or repeated', () => {
    const path = file('certificate-combined-household.pdf');
    const entry = samples.fixtures.combined;
    if (entry.content.sort !== 'certificate') throw new Error('certificate expected');
    expect(entry.content.household).toHaveLength(25);
    const { words } = wordBoxes(path);
    const tableLeft = MARGINS.left + 10 * MM;
    // The name column runs up to the relation (36 mm) and birth date (27 mm) columns.
    const nameRight = 595.28 - MARGINS.right - (36 + 27) * MM;
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(1);
    const columns = Array.from({ length: pages }, (_, i) => columnText(words, i + 1, tableLeft, nameRight));
    const tablePages = columns.filter((column) => column.includes(HOUSEHOLD_HEADERS[1]));
    expect(tablePages.length).toBeGreaterThan(1);
    const joined = columns.join(' ');
    for (const member of entry.content.household) {
      const name = fullNameOf(member.name);
      expect(joined.split(name).length - 1, name).toBe(1);
    }
  });

  it('marks the executive committee seal with the керуючий справами (R7.13)', () => {
    const text = flatText(file('certificate-breadwinner-executive-seal.pdf'));
    expect(text).toContain('Керуючий справами виконавчого комітету');
    expect(text).toContain('М.П. (печатка «Виконавчий комітет Глухівської міської ради»)');
    expect(text).toContain('02.11.2024');
  });

  it('prints АНУЛЬОВАНО with the reason and the replacing number on an annulled reprint', () => {
    const entry = samples.fixtures.annulled;
    const text = flatText(file('certificate-annulled.pdf'));
    expect(text).toContain('АНУЛЬОВАНО');
    expect(text).toContain(entry.annulment?.reason ?? 'missing reason');
    expect(text).toContain(`№ ${entry.annulment?.replacedByPrintedNumber ?? 'missing'}`);
  });

  it('prints НАВЧАЛЬНИЙ РЕЖИМ on every page in training mode', () => {
    const path = file('certificate-training.pdf');
    for (let page = 1; page <= pageCount(path); page++) {
      expect(flatText(path, page)).toContain('НАВЧАЛЬНИЙ РЕЖИМ — документ не має юридичної сили');
    }
    expect(flatText(file('certificate-combined-household.pdf'))).not.toContain('НАВЧАЛЬНИЙ РЕЖИМ');
  });

  it('prints the same entry to the same bytes', async () => {
    const entry = samples.fixtures.breadwinner;
    const header = councilHeaderFrom(fixtureRequisites);
    const build = (): Promise<Buffer> =>
      buildCertificatePdf(
        composeCertificate(entry, header, fixtureBody(entry), {
          trainingMode: false,
          kindName: fixtureKindName,
          verification: stampEntry(entry, samples.keys),
        }),
        new Date(entry.createdAt),
      );
    const [first, second] = [await build(), await build()];
    expect(first.equals(second)).toBe(true);
  });
});

describe('refusal notice', () => {
  it('names the applicant (dative), each ground with its rule, the referral and R7.16', () => {
    const entry = samples.fixtures.refusal;
    if (entry.content.sort !== 'refusal') throw new Error('refusal expected');
    const text = flatText(file('refusal-notice.pdf'));
    expect(text).toContain(entry.content.subject.declined.dative);
    expect(text).toContain(`№ ${entry.printedNumber}`);
    for (const ground of entry.content.grounds) expect(text).toContain(ground.text);
    expect(text).toContain('пп. 2 п. 7.4 Регламенту');
    expect(text).toContain(fixtureRequisites.registerDepartment);
    expect(text).toContain(LAW_NOTICE_R7_16);
  });
});

describe('certification inscription', () => {
  it('prints the statement, the administrator and the journal number on the sheet', () => {
    const entry = samples.fixtures.certification;
    const text = flatText(file('inscription-sheet.pdf'));
    expect(text).toContain('Підпис заступника голови органу самоорганізації населення (Квартальний комітет № 12 «Заріччя») Ґ. Є. Їжакевич засвідчую.');
    expect(text).toContain(entry.printedNumber);
    expect(text).toContain(entry.content.signatory.fullName);
  });

  it('puts only the inscription on the overlay, at the set position', () => {
    const { words } = wordBoxes(file('inscription-overlay.pdf'));
    expect(words.length).toBeGreaterThan(10);
    for (const word of words) {
      expect(word.xMin).toBeGreaterThanOrEqual(100 * MM);
      expect(word.yMin).toBeGreaterThanOrEqual(200 * MM);
      expect(word.xMax).toBeLessThanOrEqual((100 + 95) * MM);
    }
    expect(flatText(file('inscription-overlay.pdf'))).toContain(samples.fixtures.certification.printedNumber);
  });

  it('labels the calibration grid every 10 mm', () => {
    const { words } = wordBoxes(file('inscription-calibration.pdf'));
    const labels = new Set(words.map((w) => w.text));
    for (let mm = 10; mm <= 290; mm += 10) expect(labels.has(String(mm)), `${mm}`).toBe(true);
    const label100 = words.find((w) => w.text === '100' && w.yMin < 10 * MM);
    expect(label100?.xMin ?? 0).toBeCloseTo(100 * MM + 1, 0);
  });
});

describe('journal pages', () => {
  it('prints each page footer code as the first 16 hex of the hash of the last row on that page', () => {
    const path = file('journal-pages.pdf');
    const byNumber = new Map(samples.fixtures.journal.map((entry) => [entry.printedNumber, entry]));
    const { words } = wordBoxes(path);
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(2);
    const seen = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      const onPage = words.filter((w) => w.page === page);
      // Row numbers in the first column (25 mm) only: a reissue's «замість … № 01-21/103» may wrap lower down.
      const numbers = onPage.filter((w) => /^01-21\/\d+$/.test(w.text) && w.xMin < MARGINS.left + 25 * MM).sort((a, b) => a.yMin - b.yMin);
      const last = numbers.at(-1);
      if (!last) throw new Error(`page ${page} has no rows`);
      numbers.forEach((n) => seen.add(n.text));
      const code = /Контрольний код сторінки: ([0-9a-f]{16})/.exec(flatText(path, page))?.[1];
      expect(code, `page ${page}`).toBe(byNumber.get(last.text)?.hash.slice(0, 16));
      const pageWords = new Set(onPage.map((w) => w.text));
      for (const word of ['Підпис', 'отримувача', 'Адміністратор']) expect(pageWords.has(word), `page ${page}: ${word}`).toBe(true);
      expect(flatText(path, page)).toContain(`Сторінка ${page} з ${pages}`);
    }
    expect(seen.size).toBe(samples.fixtures.journal.length);
  });

  it('shows the journal index (R7.12), title and period', () => {
    const text = flatText(file('journal-pages.pdf'), 1);
    expect(text).toContain('Журнал 01-21.');
    expect(text).toContain('за період з 01.03.2025 по 31.03.2025');
  });
});

describe('public keys', () => {
  it('prints the office public key PEM', () => {
    const [key] = samples.keys.publicKeys();
    if (!key) throw new Error('no key');
    const body = key.publicKeyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
    const text = flatText(file('public-keys.pdf'));
    for (const line of body) expect(text).toContain(line);
    expect(text).toContain(`Офіс ${key.officeCode}`);
  });
});
