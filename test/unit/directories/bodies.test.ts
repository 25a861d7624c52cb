import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDirectoriesService, dayBefore, type DirectoriesService } from '../../../electron/register/services/directories.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { admin, head, manualClock, openTestDb, recordingAudit, type AuditRecord, type TestDb } from './helpers.js';

const shevchenko = { familyName: 'Шевченко', givenName: 'Олена', patronymic: 'Петрівна' };
const kovalenko = { familyName: 'Коваленко', givenName: 'Іван', patronymic: 'Степанович' };
const bondar = { familyName: 'Бондар', givenName: 'Марʼяна', patronymic: 'Ігорівна' };

let t: TestDb;
let service: DirectoriesService;
let records: AuditRecord[];
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  t = openTestDb();
  const audit = recordingAudit();
  records = audit.records;
  clock = manualClock('2024-06-15T09:00:00Z');
  service = createDirectoriesService({ db: t.db, now: clock.now, audit: audit.audit });
});
afterEach(() => t.close());

async function committee() {
  return service.saveBody(
    { type: 'committee', committeeKind: 'quarter', number: '12', name: 'Квартальний комітет № 12', territory: 'вул. Шевченка, 1–40', legalEntity: true, hasSeal: true, sealName: 'Квартальний комітет № 12' },
    head,
  );
}

async function expectDeskError(promise: Promise<unknown>, code: string, messageKey?: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskError);
  expect((error as DeskError).code).toBe(code);
  if (messageKey) expect((error as DeskError).messageKey).toBe(messageKey);
}

describe('body posts keep their history (R7.5: the signer is checked against the holder on the date)', () => {
  it('a new head adds a period and ends the previous one the day before, never rewriting it', async () => {
    const body = await committee();
    await service.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, head);
    await service.addPost({ bodyId: body.id, role: 'deputy', name: bondar, from: '2021-05-01' }, head);
    await service.addPost({ bodyId: body.id, role: 'head', name: kovalenko, from: '2023-03-01' }, head);

    const history = await service.bodyHistory(body.id);
    expect(history).toMatchObject({ type: 'committee', name: 'Квартальний комітет № 12', hasSeal: true, legalEntity: true });
    const heads = history.posts.filter((post) => post.role === 'head');
    expect(heads).toEqual([
      { role: 'head', name: shevchenko, from: '2020-01-10', to: '2023-02-28' },
      { role: 'head', name: kovalenko, from: '2023-03-01' },
    ]);
    expect(history.posts.filter((post) => post.role === 'deputy')).toEqual([
      { role: 'deputy', name: bondar, from: '2021-05-01' },
    ]);
  });

  it('refuses a period that would start inside or before an existing one', async () => {
    const body = await committee();
    await service.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, head);
    await expectDeskError(
      service.addPost({ bodyId: body.id, role: 'head', name: kovalenko, from: '2019-12-31' }, head),
      'conflict',
      'errors.directories.periodOverlap',
    );
    await service.closePost({ postId: (await service.getBody(body.id)).posts[0]!.id, to: '2022-12-31' }, head);
    await expectDeskError(
      service.addPost({ bodyId: body.id, role: 'head', name: kovalenko, from: '2022-06-01' }, head),
      'conflict',
      'errors.directories.periodOverlap',
    );
    // The day after the closed period is free.
    await expect(
      service.addPost({ bodyId: body.id, role: 'head', name: kovalenko, from: '2023-01-01' }, head),
    ).resolves.toMatchObject({ from: '2023-01-01' });
  });

  it('closes a period once, and not before it began', async () => {
    const body = await committee();
    const post = await service.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, head);
    await expectDeskError(service.closePost({ postId: post.id, to: '2020-01-09' }, head), 'invalid_input', 'errors.directories.periodOrder');
    await service.closePost({ postId: post.id, to: '2024-01-31' }, head);
    await expectDeskError(service.closePost({ postId: post.id, to: '2024-02-29' }, head), 'conflict', 'errors.directories.postClosed');
    const listed = await service.listBodies();
    // Vacant today (2024-06-15): the deputy signs in the head's absence (R7.5).
    expect(listed[0]?.head).toBeUndefined();
  });

  it('the database itself refuses to rewrite or delete a period', async () => {
    const body = await committee();
    const post = await service.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, head);
    await expect(t.db.run("UPDATE body_posts SET family_name = 'Інша' WHERE id = ?", [post.id])).rejects.toThrow(/never rewritten/);
    await expect(t.db.run("UPDATE body_posts SET held_from = '2019-01-01' WHERE id = ?", [post.id])).rejects.toThrow(/never rewritten/);
    await expect(t.db.run('DELETE FROM body_posts WHERE id = ?', [post.id])).rejects.toThrow(/never deleted/);
    await t.db.run("UPDATE body_posts SET held_to = '2021-01-01' WHERE id = ?", [post.id]);
    await expect(t.db.run("UPDATE body_posts SET held_to = '2022-01-01' WHERE id = ?", [post.id])).rejects.toThrow(/stays closed/);
  });

  it('lists bodies with the head and deputy holding the posts on today’s Kyiv date', async () => {
    const body = await committee();
    await service.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, head);
    await service.addPost({ bodyId: body.id, role: 'head', name: kovalenko, from: '2025-01-01' }, head);
    // 22:30 UTC on 31 December 2024 is already 1 January 2025 in Kyiv.
    clock.set('2024-12-31T21:30:00Z');
    expect((await service.listBodies())[0]?.head?.name).toEqual(shevchenko);
    clock.set('2024-12-31T22:30:00Z');
    expect((await service.listBodies())[0]?.head?.name).toEqual(kovalenko);
  });

  it('R7.8: an ОСББ has a head and a seal, no deputy', async () => {
    const osbb = await service.saveBody(
      { type: 'osbb', name: 'ОСББ «Затишок»', territory: 'вул. Києво-Московська, 5', legalEntity: true, hasSeal: true, sealName: 'ОСББ «Затишок»' },
      head,
    );
    await service.addPost({ bodyId: osbb.id, role: 'head', name: kovalenko, from: '2022-02-01' }, head);
    await expectDeskError(
      service.addPost({ bodyId: osbb.id, role: 'deputy', name: bondar, from: '2022-02-01' }, head),
      'rule_violation',
      'errors.directories.osbbNoDeputy',
    );
    expect(await service.listBodies({ type: 'osbb' })).toHaveLength(1);
    expect(await service.listBodies({ type: 'committee' })).toHaveLength(0);
  });

  it('editing a body keeps the previous version and cannot change its type', async () => {
    const body = await committee();
    await service.saveBody({ ...body, name: 'Квартальний комітет «Центральний»' }, head);
    expect((await service.getBody(body.id)).body.name).toBe('Квартальний комітет «Центральний»');
    const revisions = await service.revisions('body', body.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.data).toMatchObject({ name: 'Квартальний комітет № 12' });
    await expectDeskError(
      service.saveBody({ ...body, type: 'osbb', committeeKind: undefined }, head),
      'conflict',
      'errors.directories.bodyTypeFixed',
    );
  });

  it('only the head of the department edits; everyone reads', async () => {
    const body = await committee();
    await expectDeskError(service.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, admin), 'forbidden');
    await expectDeskError(service.saveBody({ ...body, name: 'Інша назва' }, admin), 'forbidden');
    await expect(service.getBody(body.id)).resolves.toMatchObject({ body: { name: body.name } });
  });

  it('audits every change without personal names', async () => {
    const body = await committee();
    await service.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, head);
    await service.addPost({ bodyId: body.id, role: 'head', name: kovalenko, from: '2023-03-01' }, head);
    expect(records.map((r) => r.action)).toEqual(['body.save', 'body_post.add', 'body_post.close', 'body_post.add']);
    for (const record of records) {
      expect(record.action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(record.userId).toBe(head.userId);
      expect(record.summary).not.toMatch(/Шевченко|Коваленко|Олена|Іван/);
    }
  });

  it('a change whose audit record fails is not stored (the audit is written in the same transaction)', async () => {
    const failingAudit = async () => {
      await Promise.resolve();
      throw new Error('audit log unavailable');
    };
    const unaudited = createDirectoriesService({ db: t.db, now: clock.now, audit: failingAudit });
    await expect(unaudited.saveSettlement({ kind: 'city', name: 'Глухів' }, head)).rejects.toThrow('audit log unavailable');
    const body = await committee();
    await expect(
      unaudited.addPost({ bodyId: body.id, role: 'head', name: shevchenko, from: '2020-01-10' }, head),
    ).rejects.toThrow('audit log unavailable');
    expect(await service.listSettlements()).toEqual([]);
    expect((await service.getBody(body.id)).posts).toEqual([]);
  });

  it('unknown body → not_found', async () => {
    await expectDeskError(service.bodyHistory('missing'), 'not_found', 'errors.directories.bodyNotFound');
  });
});

describe('dayBefore', () => {
  it.each([
    ['2023-03-01', '2023-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2025-01-01', '2024-12-31'],
  ])('%s → %s', (date, expected) => {
    expect(dayBefore(date)).toBe(expected);
  });
});
