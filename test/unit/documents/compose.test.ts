import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { relations } from '../../../shared/domain/person.js';
import { relationLabelsEn, relationLabelsUk } from '../../../shared/domain/relation-labels.js';
import {
  certificateTitle,
  citeRule,
  composeCertificate,
  composeInscription,
  composeJournalPages,
  composeRefusal,
  presentedDocumentsText,
} from '../../../electron/documents/compose.js';
import { fixtureBody, fixtureEntries, fixtureKindName, fixtureRequisites } from './fixtures.js';
import { councilHeaderFrom } from '../../../electron/documents/header.js';
import { buildInscriptionOverlayPdf } from '../../../electron/documents/inscription-pdf.js';
import { buildJournalPdf, witnessCode } from '../../../electron/documents/journal-pdf.js';
import type { JournalRowModel } from '../../../electron/documents/models.js';
import { flatText, pageCount } from './pdf-tools.js';

const header = councilHeaderFrom(fixtureRequisites);
const fixtures = fixtureEntries();
const stamp = { qrText: 'CNAP1|x', shortCode: 'AAAAA-BBBBB' };

describe('relation labels', () => {
  it('label every relation in both languages', () => {
    for (const relation of relations) {
      expect(relationLabelsUk[relation].length, relation).toBeGreaterThan(1);
      expect(relationLabelsEn[relation].length, relation).toBeGreaterThan(1);
    }
    expect(new Set(Object.values(relationLabelsUk)).size).toBe(relations.length);
  });
});

describe('composers', () => {
  it('list each presented document once in the journal, though it answers several checklist items', () => {
    const birth = { type: 'birth_certificate' as const, series: 'I-БП', number: '654321' };
    const text = presentedDocumentsText([
      { requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' },
      { requirementId: 'child_birth:0', ...birth },
      { requirementId: 'child_birth:1', ...birth },
      { requirementId: 'housing_records', type: 'house_book' },
    ]);
    expect(text).toBe('паспорт (книжечка) КВ 123456; свідоцтво про народження I-БП 654321; будинкова книга');
  });

  it('combine the titles of an R7.2 certificate', () => {
    expect(certificateTitle(['Довідка з місця реєстрації', 'Довідка про склад сім’ї'])).toBe(
      'ДОВІДКА з місця реєстрації та про склад сім’ї',
    );
    expect(certificateTitle(['Довідка-характеристика'])).toBe('ДОВІДКА «Довідка-характеристика»');
  });

  it('cite rule ids the way the Regulation numbers them', () => {
    expect(citeRule('R7.4.2')).toBe('пп.\u00a02 п.\u00a07.4 Регламенту');
    expect(citeRule('R7.16')).toBe('п.\u00a07.16 Регламенту');
  });

  it('build the certificate model from the entry: number, date, household with Ukrainian relations', () => {
    const entry = fixtures.combined;
    const model = composeCertificate(entry, header, fixtureBody(entry), { trainingMode: false, verification: stamp });
    expect(model.printedNumber).toBe(entry.printedNumber);
    expect(model.date).toBe(entry.localDate.split('-').reverse().join('.'));
    expect(model.household).toHaveLength(25);
    expect(model.household?.[1]).toMatchObject({ relation: 'чоловік' });
    expect(model.seal).toEqual({ kind: 'for_certificates', name: 'Для довідок' });
    expect(model.annulled).toBeUndefined();
  });

  it('carry the annulment into the model', () => {
    const entry = fixtures.annulled;
    const model = composeCertificate(entry, header, fixtureBody(entry), { trainingMode: false, verification: stamp });
    expect(model.annulled).toEqual({ date: '12.03.2025', reason: entry.annulment?.reason, replacedBy: '01-21/104' });
  });

  it('refuse an entry of the wrong sort and a kind without a printed name', () => {
    expect(() => composeRefusal(fixtures.combined, header, { trainingMode: false })).toThrow(DeskError);
    expect(() => composeInscription(withKind(fixtures.certification, 'custom:withdrawn_kind'), header, { trainingMode: false })).toThrow(/kindNameMissing/);
  });

  it('state the refusal grounds with their rules and the R7.16 notice', () => {
    const model = composeRefusal(fixtures.refusal, header, { trainingMode: false });
    expect(model.requested).toBe('видачу довідки про склад сімʼї');
    expect(model.grounds.map((g) => g.ruleId)).toEqual(['R7.4.2', 'R7.4.3']);
    expect(model.lawNotice).toContain('встановлюється у визначеному законодавством порядку');
  });

  it('fill the journal columns of R7.7 (section E), the handover, the annulment and the hash per row', () => {
    const model = composeJournalPages(fixtures.journal, { index: '01-21', title: 'Журнал' }, { from: '2025-03-01', to: '2025-03-31' }, 'Рада', {
      trainingMode: false,
      kindName: fixtureKindName,
    });
    const [first, , third, fourth] = model.rows;
    expect(first?.received).toBe('10.03.2025\nособисто');
    expect(first?.grounds).toBe('паспорт (ID-картка) 001234567; будинкова книга');
    expect(third?.annulledNote).toBe(`Анульовано 12.03.2025: ${fixtures.annulled.annulment?.reason}; замість неї видано №\u00A001-21/104`);
    expect(fourth?.reissueNote).toBe('Видано замість анульованої №\u00A001-21/103');
    expect(first?.reissueNote).toBeUndefined();
    expect(model.rows.map((row) => row.hash)).toEqual(fixtures.journal.map((entry) => entry.hash));
  });
});

describe('inscription overlay', () => {
  it('refuses a position where the inscription would leave the sheet', async () => {
    const model = composeInscription(fixtures.certification, header, { trainingMode: false, kindName: fixtureKindName });
    await expect(buildInscriptionOverlayPdf(model, { xMm: 150, yMm: 10 }, new Date())).rejects.toThrow(/overlayOutOfPage/);
    await expect(buildInscriptionOverlayPdf(model, { xMm: 10, yMm: 290 }, new Date())).rejects.toThrow(DeskError);
  });
});

// Its speed at 10,000 rows is a benchmark figure (`npm run bench`), never a timed test.
describe('a long journal', () => {
  it('prints every page with a correct witness code', async () => {
    const rows: JournalRowModel[] = Array.from({ length: 2_000 }, (_, i) => ({
      printedNumber: `01-21/${i + 1}`,
      date: '12.03.2025',
      personName: i % 7 === 0 ? 'Костянтинопольська-Великомихайлівська Мар’яна-Єлизавета В’ячеславівна' : `Ярошенко Ґалина ${i}`,
      address: `м. Глухів, вул. Києво-Московська, буд. ${i % 300}, кв. ${i % 90}`,
      what: 'Довідка про склад сім’ї',
      grounds: 'паспорт (ID-картка) 001234567; будинкова книга',
      administrator: 'Оксана Лукʼяненко',
      hash: (i * 2654435761).toString(16).padStart(16, '0').slice(-16).repeat(4),
    }));
    const pdf = await buildJournalPdf(
      { councilName: 'Рада', journalIndex: '01-21', journalTitle: 'Журнал', from: '01.01.2025', to: '31.12.2025', rows, trainingMode: false },
      new Date('2025-12-31T12:00:00Z'),
    );
    const path = join(mkdtempSync(join(tmpdir(), 'cnap-journal-')), 'journal.pdf');
    writeFileSync(path, pdf);
    const pages = pageCount(path);
    const lastPage = flatText(path, pages);
    const lastRow = rows.at(-1);
    expect(lastPage).toContain(`Контрольний код сторінки: ${witnessCode(lastRow?.hash ?? '')}`);
    expect(lastPage).toContain(`Сторінка ${pages} з ${pages}`);
  }, 60_000);
});

/** The same certification of a kind the catalogue does not know (a kind added by decision, not loaded). */
function withKind(entry: EntryRecord, kind: string): EntryRecord {
  if (entry.content.sort !== 'certification') throw new Error('a certification fixture');
  return { ...entry, content: { ...entry.content, kind } };
}
