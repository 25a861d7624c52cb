import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomKindInput } from '../../../shared/rules/catalogue.js';
import { familyDraft, openTestDesk, PRESENTED, type TestDesk } from './desk-harness.js';

const { identity, apartmentCards } = PRESENTED;

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

const landAct = { requirementId: 'land_use', type: 'title_document' } as const;

/** A certified kind added by an executive committee decision (R7.15), with one ground of its own. */
const gardenKind: CustomKindInput = {
  id: 'custom:garden_plot',
  sort: 'certified',
  title: 'Довідка про користування присадибною ділянкою',
  grounds: [{ requirementId: 'land_use', label: 'державний акт на право користування землею', documentTypes: ['title_document'] }],
  decision: { number: '245', date: '2026-01-20' },
};

async function addKind(kind: CustomKindInput): Promise<void> {
  await t.call('kinds.addCustom', { kind, templateText: 'Підпис на довідці «{{kind.title}}», виданій гр. {{subject.dative}}, засвідчую.' });
}

async function committee(): Promise<string> {
  const body = await t.call('directories.bodies.save', {
    type: 'committee',
    committeeKind: 'quarter',
    number: '3',
    name: 'Квартальний комітет № 3',
    territory: 'вулиці Київська, Шевченка',
    legalEntity: false,
    hasSeal: false,
  });
  await t.call('directories.bodies.addPost', { bodyId: body.id, role: 'head', name: { familyName: 'Бондар', givenName: 'Василь', patronymic: 'Петрович' }, from: '2015-01-01' });
  return body.id;
}

function certification(kind: string, bodyId: string, documents: readonly { requirementId: string; type: string }[]) {
  const draft = familyDraft([]);
  return {
    journalId: t.journalId,
    signatoryId: t.signatoryId,
    certification: {
      kind,
      bodyId,
      certificateDate: '2025-03-01',
      signer: { role: 'head' as const, name: { familyName: 'Бондар', givenName: 'Василь', patronymic: 'Петрович' }, headAbsence: 'not_applicable' as const },
      sealPresent: false,
      submittedBy: 'subject' as const,
      subject: draft.subject,
      address: draft.address,
      applicant: { actsAs: 'self' as const },
      dataMatch: true,
      facts: draft.facts,
      documents: documents as never,
    },
  };
}

function textOf(pdfBase64: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'desk-gaps-pdf-')), 'inscription.pdf');
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('R7.15 certified kinds through the main process’s certification path', () => {
  it('certifies a custom certified kind once its own ground is presented, prints its title and finds it by kind', async () => {
    await addKind(gardenKind);
    const bodyId = await committee();
    // R7.15 + R7.6: the decision's own checklist item is required on top of the common checks.
    const missing = await t.raw('entries.certify', certification(gardenKind.id, bodyId, [identity, apartmentCards]));
    expect(missing).toMatchObject({ ok: false, error: { code: 'rule_violation', messageKey: 'errors.rules.checklistIncomplete' } });
    if (missing.ok) throw new Error('certified without the decision’s ground');
    expect(missing.error.details?.map((detail) => detail.path)).toEqual(['land_use']);

    const { entry } = await t.call('entries.certify', certification(gardenKind.id, bodyId, [identity, apartmentCards, landAct]));
    expect(entry.sort).toBe('certification');
    expect(entry.kinds).toEqual([gardenKind.id]);

    const inscription = textOf((await t.call('documents.render', { entryId: entry.id })).pdfBase64);
    expect(inscription).toContain(gardenKind.title);

    // Reports count entries by their kinds (journal.search by kind is what they read).
    const found = await t.call('journal.search', { kind: gardenKind.id, page: 1, pageSize: 10 });
    expect(found.items.map((item) => item.id)).toEqual([entry.id]);
  });

  it('keeps the common certification checks for a custom kind: the signer must hold the post (R7.5)', async () => {
    await addKind(gardenKind);
    const bodyId = await committee();
    const request = certification(gardenKind.id, bodyId, [identity, apartmentCards, landAct]);
    const stranger = { ...request.certification.signer, name: { familyName: 'Мельник', givenName: 'Ігор', patronymic: 'Іванович' } };
    const refused = await t.raw('entries.certify', { ...request, certification: { ...request.certification, signer: stranger } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    if (refused.ok) throw new Error('certified a stranger’s signature');
    expect(refused.error.details?.map((detail) => detail.path)).toContain('signer');
  });

  it('refuses to certify a kind that is only issued, built-in or added by decision, and writes nothing', async () => {
    await addKind({ ...gardenKind, id: 'custom:garden_issued', sort: 'issued', title: 'Довідка про присадибну ділянку (видається)' });
    const bodyId = await committee();
    for (const kind of ['custom:garden_issued', 'family']) {
      const result = await t.raw('entries.certify', certification(kind, bodyId, [identity, apartmentCards, landAct]));
      expect(result).toMatchObject({ ok: false, error: { code: 'rule_violation', messageKey: 'errors.rules.wrongSort', params: { kind } } });
    }
    expect((await t.call('journal.search', { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('refuses to certify or to register a refusal for a kind nobody added', async () => {
    const bodyId = await committee();
    const request = certification('custom:never_decided', bodyId, [identity, apartmentCards]);
    const certified = await t.raw('entries.certify', request);
    expect(certified).toMatchObject({ ok: false, error: { code: 'rule_violation', messageKey: 'errors.rules.unknownKind', params: { kind: 'custom:never_decided' } } });
    const refused = await t.raw('entries.refuse', {
      journalId: request.journalId,
      signatoryId: request.signatoryId,
      request: { sort: 'certification', certification: request.certification },
      grounds: [{ ruleId: 'R7.16', details: '' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation', messageKey: 'errors.rules.unknownKind' } });
    expect((await t.call('journal.search', { page: 1, pageSize: 10 })).total).toBe(0);
  });
});

describe('street suggestions for the settlement typed in the address', () => {
  async function hromada() {
    const town = await t.call('directories.settlements.save', { kind: 'city', name: 'Глухів' });
    const village = await t.call('directories.settlements.save', { kind: 'village', name: 'Землянка' });
    await t.call('directories.streets.save', { settlementId: town.id, kind: 'street', name: 'Шевченка' });
    await t.call('directories.streets.save', { settlementId: town.id, kind: 'lane', name: 'Шевський' });
    await t.call('directories.streets.save', { settlementId: village.id, kind: 'street', name: 'Шевчука' });
    return { town, village };
  }

  const suggested = async (settlement: string | undefined) =>
    (await t.call('directories.streets.suggest', { query: 'шев', ...(settlement === undefined ? {} : { settlement }) }))
      .map((street) => `${street.label} @${street.settlementId}`)
      .sort();

  it('suggests only the streets of the typed settlement, whatever its kind word and letter case', async () => {
    const { town, village } = await hromada();
    const townStreets = [`вул. Шевченка @${town.id}`, `пров. Шевський @${town.id}`];
    for (const typed of ['м. Глухів', 'Глухів', 'місто ГЛУХІВ', '  м.Глухів  ', 'м. Глухів, Сумська обл.']) {
      expect(await suggested(typed)).toEqual(townStreets);
    }
    expect(await suggested('с. Землянка')).toEqual([`вул. Шевчука @${village.id}`]);
  });

  it('suggests every settlement’s streets when none is typed, and none for a settlement not in the directory', async () => {
    await hromada();
    expect(await suggested(undefined)).toHaveLength(3);
    expect(await suggested('   ')).toHaveLength(3);
    expect(await suggested('с. Баничі')).toEqual([]);
  });
});
