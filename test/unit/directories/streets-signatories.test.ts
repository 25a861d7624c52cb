import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDirectoriesService, type DirectoriesService } from '../../../electron/register/services/directories.js';
import { streetQueryKey } from '../../../shared/domain/directories.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { admin, head, manualClock, openTestDb, recordingAudit, type TestDb } from './helpers.js';

let t: TestDb;
let service: DirectoriesService;

beforeEach(() => {
  t = openTestDb();
  service = createDirectoriesService({ db: t.db, now: manualClock('2024-06-15T09:00:00Z').now, audit: recordingAudit().audit });
});
afterEach(() => t.close());

async function town() {
  const hlukhiv = await service.saveSettlement({ kind: 'city', name: 'Глухів' }, head);
  const village = await service.saveSettlement({ kind: 'village', name: 'Землянка', starostaDistrict: 'Землянський' }, head);
  for (const [kind, name] of [
    ['street', 'Шевченка'],
    ['lane', 'Шевченка'],
    ['street', 'Шевчука'],
    ['street', 'Мар\u2019янівська'],
    ['street', 'Києво-Московська'],
    ['avenue', 'Червоних Козаків'],
  ] as const) {
    await service.saveStreet({ settlementId: hlukhiv.id, kind, name }, head);
  }
  await service.saveStreet({ settlementId: village.id, kind: 'street', name: 'Шевченка' }, head);
  return { hlukhiv, village };
}

describe('street suggestions (case-insensitive for Cyrillic, apostrophes folded, prefix only)', () => {
  it.each(['шев', 'ШЕВ', 'Шев', 'вул. Шев', 'вулиця шев'])('«%s» finds the Шевч… streets of the town', async (query) => {
    const { hlukhiv } = await town();
    const labels = (await service.suggestStreets({ query, settlementId: hlukhiv.id })).map((s) => s.label);
    expect(labels.sort()).toEqual(['вул. Шевченка', 'вул. Шевчука', 'пров. Шевченка']);
  });

  it.each(["мар'я", 'МАРʼЯ', 'мар\u2019я'])('«%s» finds Марʼянівська whatever the apostrophe', async (query) => {
    const { hlukhiv } = await town();
    const found = await service.suggestStreets({ query, settlementId: hlukhiv.id });
    expect(found.map((s) => s.name)).toEqual(['Мар\u2019янівська']);
  });

  it('matches the start of the name only, and every settlement when none is given', async () => {
    await town();
    expect(await service.suggestStreets({ query: 'ченка' })).toEqual([]);
    expect(await service.suggestStreets({ query: 'шевченка' })).toHaveLength(3);
    expect(await service.suggestStreets({ query: '   ' })).toEqual([]);
  });

  it('leaves out retired streets and honours the limit', async () => {
    const { hlukhiv } = await town();
    const [first] = await service.suggestStreets({ query: 'шевчу', settlementId: hlukhiv.id });
    await service.saveStreet({ ...first!, active: false }, head);
    expect(await service.suggestStreets({ query: 'шевчу', settlementId: hlukhiv.id })).toEqual([]);
    expect(await service.suggestStreets({ query: 'ш', limit: 1 })).toHaveLength(1);
  });

  it('uses the folded-key index, not a table scan (SQLite query plan)', async (context) => {
    if (t.db.dialect !== 'sqlite') context.skip();
    await town();
    const plan = async (sql: string, ...params: string[]) =>
      (await t.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((row) => row.detail).join('\n');
    const key = streetQueryKey('шев');
    expect(
      await plan('SELECT * FROM streets WHERE settlement_id = ? AND search_key >= ? AND search_key < ? AND active = 1 ORDER BY search_key, kind LIMIT 20', 's', key, `${key}\uFFFF`),
    ).toMatch(/USING INDEX streets_by_settlement_key/);
    expect(
      await plan('SELECT * FROM streets WHERE search_key >= ? AND search_key < ? AND active = 1 ORDER BY search_key, kind LIMIT 20', key, `${key}\uFFFF`),
    ).toMatch(/USING INDEX streets_by_key/);
  });

  it('refuses the same street twice in a settlement, however it is capitalised', async () => {
    const { hlukhiv } = await town();
    const error = await service.saveStreet({ settlementId: hlukhiv.id, kind: 'street', name: 'ШЕВЧЕНКА' }, head).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).messageKey).toBe('errors.directories.streetExists');
  });

  it('a renamed street keeps its old name in the revisions', async () => {
    const { hlukhiv } = await town();
    const [red] = await service.suggestStreets({ query: 'черв', settlementId: hlukhiv.id });
    await service.saveStreet({ ...red!, name: 'Героїв Крут' }, head);
    expect((await service.suggestStreets({ query: 'черв' }))).toEqual([]);
    expect((await service.suggestStreets({ query: 'героїв' })).map((s) => s.label)).toEqual(['просп. Героїв Крут']);
    expect((await service.revisions('street', red!.id))[0]?.data).toMatchObject({ name: 'Червоних Козаків' });
  });

  it('a street needs an existing settlement', async () => {
    const error = await service.saveStreet({ settlementId: 'nowhere', kind: 'street', name: 'Садова' }, head).catch((e: unknown) => e);
    expect((error as DeskError).code).toBe('not_found');
  });
});

describe('signatories (R7.10 «Для довідок», R7.13 executive committee seal)', () => {
  const headOfCnap = {
    position: 'Начальник відділу ЦНАП',
    fullName: 'Олена ПЕТРЕНКО',
    seal: 'for_certificates' as const,
    sealName: 'Для довідок',
    validFrom: '2023-01-01',
  };
  const managingDirector = {
    position: 'Керуючий справами виконавчого комітету',
    fullName: 'Іван КОВАЛЬ',
    seal: 'executive_committee' as const,
    sealName: 'Виконавчий комітет Глухівської міської ради',
    validFrom: '2021-03-01',
    validTo: '2024-03-31',
  };

  it('lists those valid on a date and of an office', async () => {
    await service.saveSignatory(headOfCnap, head);
    await service.saveSignatory(managingDirector, head);
    await service.saveSignatory({ ...headOfCnap, fullName: 'Староста ЗЕМЛЯНСЬКИЙ', officeId: 'office-remote' }, head);
    expect((await service.listSignatories({ onDate: '2024-06-15', officeId: 'office-1' })).map((s) => s.fullName)).toEqual(['Олена ПЕТРЕНКО']);
    expect((await service.listSignatories({ onDate: '2024-01-15', officeId: 'office-1' })).map((s) => s.seal).sort()).toEqual([
      'executive_committee',
      'for_certificates',
    ]);
    expect(await service.listSignatories()).toHaveLength(3);
  });

  it('editing keeps the previous version; only the head edits', async () => {
    const saved = await service.saveSignatory(headOfCnap, head);
    await service.saveSignatory({ ...saved, validTo: '2024-12-31' }, head);
    expect((await service.revisions('signatory', saved.id))[0]?.data).toEqual(saved);
    const error = await service.saveSignatory(headOfCnap, admin).catch((e: unknown) => e);
    expect((error as DeskError).code).toBe('forbidden');
  });
});
