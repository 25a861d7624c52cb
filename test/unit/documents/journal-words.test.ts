import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildJournalPdf, JOURNAL_HEADERS, WITNESS_LABEL } from '../../../electron/documents/journal-pdf.js';
import type { JournalPagesModel, JournalRowModel } from '../../../electron/documents/models.js';
import { wordBoxes, type PageBox, type WordBox } from './pdf-tools.js';

const MM = 72 / 25.4;

/** Rows with words as wide as a journal gets: a representative's long double surname, long document names. */
const rows: JournalRowModel[] = [
  {
    printedNumber: '01-21/1',
    date: '07.12.2026',
    personName: 'Квітка-Основʼяненко Григорій Федорович',
    address: 'м. Глухів, вул. Костянтинопольсько-Великомихайлівська, буд. 12-А',
    what: 'Довідка про фактичне місце проживання та склад сімʼї',
    grounds: 'паспорт громадянина України (книжечка) КВ 123456; правовстановлюючий документ на житло; свідоцтво про народження',
    administrator: 'Олена Петренко',
    // A representative's receipt with the power of attorney (R7.4.4), as long as such a line gets.
    received:
      '07.12.2026\nпредставник: Квітка-Основʼяненко Олександра Володимирівна\nдовіреність № НОН 123456 від 01.12.2026, видана: приватний нотаріус Глухівського районного нотаріального округу Сумської області',
    hash: 'a'.repeat(64),
  },
  {
    printedNumber: '01-21/2',
    date: '07.12.2026',
    personName: 'Дем’янчук Вʼячеслав Остапович',
    address: 'с. Будівельне, вул. Ярмаркова, буд. 7',
    what: 'Засвідчення підпису: Довідка-характеристика з місця проживання',
    grounds: 'посвідка на тимчасове проживання; будинкова книга',
    administrator: 'Адміністратор Найдовшопрізвищенко',
    received: '08.12.2026\nособисто',
    hash: 'b'.repeat(64),
  },
];

const model: JournalPagesModel = {
  councilName: 'Глухівська міська рада',
  journalIndex: '01-21',
  journalTitle: 'Журнал реєстрації довідок',
  from: '07.12.2026',
  to: '08.12.2026',
  rows,
  trainingMode: false,
};

let pages: PageBox[];
let words: WordBox[];

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'journal-words-')), 'journal.pdf');
  writeFileSync(file, await buildJournalPdf(model, new Date('2026-12-08T10:00:00Z')));
  ({ pages, words } = wordBoxes(file));
});

/** Every word a page may print whole: those of the rows, the headers, the title and the footer, and their parts after a hyphen. */
function printableWords(): Set<string> {
  const texts = [
    ...rows.flatMap((row) => Object.values(row) as string[]),
    ...JOURNAL_HEADERS,
    model.councilName,
    `Журнал ${model.journalIndex}. ${model.journalTitle}`,
    `за період з ${model.from} по ${model.to}`,
    `${WITNESS_LABEL} ${'b'.repeat(16)}`,
    'Сторінка 1 з 1',
  ];
  const tokens = texts.flatMap((text) => text.split(/[ \t\r\n]+/)).filter(Boolean);
  return new Set(tokens.flatMap((token) => [token, ...token.split(/(?<=-)/)]));
}

describe('journal pages (R7.7, R7.10)', () => {
  it('never cut a word mid-line: a word wider than its column prints whole, in a smaller font', () => {
    const allowed = printableWords();
    const cut = words.filter((word) => !allowed.has(word.text) && !/^[0-9a-f]{16}$/.test(word.text));
    expect(cut.map((word) => word.text)).toEqual([]);
    expect(words.map((word) => word.text)).toContain('представник:');
    expect(words.map((word) => word.text)).toContain('Найдовшопрізвищенко');
  });

  it('give the recipient’s signature a column at least 3 cm wide', () => {
    const page = pages[0];
    const label = words.find((word) => word.page === 1 && word.text === 'Підпис');
    if (!page || !label) throw new Error('no signature column header');
    // The column runs from its left border (2.5 pt before the label) to the right margin (10 mm).
    const columnWidth = page.width - 10 * MM - (label.xMin - 2.5);
    expect(columnWidth).toBeGreaterThanOrEqual(30 * MM - 0.5);
  });
});
