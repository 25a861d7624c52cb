import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTemplatesService, type TemplateValidator, type TemplatesService } from '../../../electron/register/services/templates.js';
import { templatesHandlers } from '../../../electron/app/handlers/templates.js';
import { customKindsChannels } from '../../../shared/contract/channels/kinds.js';
import { templatesChannels } from '../../../shared/contract/channels/templates.js';
import { customKindSchema } from '../../../shared/rules/catalogue.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { admin, head, manualClock, openTestDb, recordingAudit, type AuditRecord, type TestDb } from './helpers.js';

/** Stands in for the template engine: refuses one unknown placeholder and one unclosed one. */
const validateTemplate: TemplateValidator = (text) => {
  const errors = [
    ...(text.includes('{{bogus}}') ? [{ messageKey: 'rules.templates.unknownPlaceholder', params: { name: 'bogus' } }] : []),
    ...(/\{\{[^}]*$/.test(text) ? [{ messageKey: 'rules.templates.unclosed' }] : []),
  ];
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
};

const defaults = {
  family: { version: 1, text: 'ДОВІДКА про склад сім’ї {{person.fullName}}' },
  registration: { version: 1, text: 'ДОВІДКА з місця реєстрації {{person.fullName}}' },
};

let t: TestDb;
let service: TemplatesService;
let records: AuditRecord[];

beforeEach(() => {
  t = openTestDb();
  const audit = recordingAudit();
  records = audit.records;
  service = createTemplatesService({ db: t.db, now: manualClock('2024-06-15T09:00:00Z').now, audit: audit.audit, validateTemplate });
});
afterEach(() => t.close());

async function errorOf(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

describe('templates are versioned and append-only (R7.3)', () => {
  it('seeds version 1 of the defaults once, never over the council’s own text', async () => {
    expect((await service.ensureDefaultTemplates(defaults)).sort()).toEqual(['family', 'registration']);
    await service.saveTemplate('family', 'Змінений текст {{person.fullName}}', head);
    expect(await service.ensureDefaultTemplates({ ...defaults, family: { version: 2, text: 'новий стандарт' } })).toEqual([]);
    expect((await service.currentTemplate('family')).text).toBe('Змінений текст {{person.fullName}}');
  });

  it('appends a new shipped default over an unedited old one, never over the council’s text, and keeps the old version', async () => {
    await service.ensureDefaultTemplates(defaults);
    await service.saveTemplate('family', 'Змінений текст', head);
    const newer = { registration: { version: 1, text: 'новий стандарт' }, family: { version: 1, text: 'новий стандарт' } };
    const retired = { registration: [defaults.registration.text], family: [defaults.family.text] };
    expect(await service.ensureDefaultTemplates(newer, retired)).toEqual(['registration']);
    expect(await service.ensureDefaultTemplates(newer, retired)).toEqual([]);
    expect((await service.currentTemplate('registration')).text).toBe('новий стандарт');
    expect((await service.templateVersion('registration', 1)).text).toBe(defaults.registration.text);
    expect((await service.currentTemplate('family')).text).toBe('Змінений текст');
  });

  it('seeds each default once when two workstations start at the same time', async () => {
    const other = createTemplatesService({ db: t.db, now: manualClock('2024-06-15T09:00:01Z').now, audit: recordingAudit().audit, validateTemplate });
    const [first, second] = await Promise.all([service.ensureDefaultTemplates(defaults), other.ensureDefaultTemplates(defaults)]);
    expect([...first, ...second].sort()).toEqual(['family', 'registration']);
    expect((await service.listTemplates()).map((row) => [row.kindId, row.versions])).toEqual([
      ['family', 1],
      ['registration', 1],
    ]);
  });

  it('saving makes version n+1 and old versions still print the same', async () => {
    await service.ensureDefaultTemplates(defaults);
    const v2 = await service.saveTemplate('family', 'Друга редакція', head);
    const v3 = await service.saveTemplate('family', 'Третя редакція', head);
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect((await service.templateVersion('family', 1)).text).toBe(defaults.family.text);
    expect((await service.currentTemplate('family')).version).toBe(3);
    const list = await service.listTemplates();
    expect(list.find((row) => row.kindId === 'family')).toMatchObject({ version: 3, versions: 3, updatedByName: head.fullName });
    expect(list.find((row) => row.kindId === 'registration')).toMatchObject({ version: 1, versions: 1 });
  });

  it('refuses text the engine cannot render, with every problem in details, and stores nothing', async () => {
    await service.ensureDefaultTemplates(defaults);
    const error = await errorOf(service.saveTemplate('family', 'Текст {{bogus}} і {{person', head));
    expect(error.code).toBe('invalid_input');
    expect(error.messageKey).toBe('errors.templates.invalid');
    expect(error.details?.map((d) => d.messageKey)).toEqual(['rules.templates.unknownPlaceholder', 'rules.templates.unclosed']);
    expect((await service.currentTemplate('family')).version).toBe(1);
  });

  it('refuses unknown kinds, and edits by anyone but the head', async () => {
    await service.ensureDefaultTemplates(defaults);
    expect((await errorOf(service.saveTemplate('no_such_kind', 'текст', head))).code).toBe('not_found');
    expect((await errorOf(service.saveTemplate('family', 'текст', admin))).code).toBe('forbidden');
    expect((await errorOf(service.templateVersion('family', 7))).code).toBe('not_found');
  });

  it('the database refuses to edit, delete or skip a version', async () => {
    await service.ensureDefaultTemplates(defaults);
    await expect(t.db.run("UPDATE templates SET text = 'x' WHERE kind_id = 'family'")).rejects.toThrow(/append-only/);
    await expect(t.db.run("DELETE FROM templates WHERE kind_id = 'family'")).rejects.toThrow(/append-only/);
    await expect(
      t.db.run("INSERT INTO templates (kind_id, version, text, created_at, created_by, created_by_name) VALUES ('family', 5, 'x', '', '', '')"),
    ).rejects.toThrow(/up by one/);
  });

  it('audits saves', async () => {
    await service.ensureDefaultTemplates(defaults);
    await service.saveTemplate('family', 'Друга редакція', head);
    expect(records.map((r) => [r.action, r.entityId, r.summary])).toContainEqual(['template.save', 'family', 'version=2']);
  });
});

describe('kinds added by decision (R7.15)', () => {
  const kind = customKindSchema.parse({
    id: 'custom:heating_subsidy',
    sort: 'issued',
    title: 'Довідка для призначення субсидії на тверде паливо',
    grounds: [{ requirementId: 'fuel_receipt', label: 'Квитанція про придбання твердого палива', documentTypes: ['other'] }],
    decision: { number: '112', date: '2024-05-20' },
  });

  it('stores the kind with its decision and its template as version 1', async () => {
    const added = await service.addCustomKind(kind, 'ДОВІДКА {{person.fullName}}', head);
    expect(added).toMatchObject({ id: kind.id, decision: { number: '112', date: '2024-05-20' }, createdBy: head.userId });
    expect(await service.listCustomKinds()).toEqual([added]);
    expect((await service.currentTemplate(kind.id)).version).toBe(1);
    await expect(service.saveTemplate(kind.id, 'Друга редакція', head)).resolves.toMatchObject({ version: 2 });
  });

  it('refuses a duplicate id, an unrenderable template and non-heads', async () => {
    await service.addCustomKind(kind, 'ДОВІДКА', head);
    expect((await errorOf(service.addCustomKind(kind, 'ДОВІДКА', head))).code).toBe('conflict');
    const other = { ...kind, id: 'custom:other_kind' };
    expect((await errorOf(service.addCustomKind(other, '{{bogus}}', head))).code).toBe('invalid_input');
    expect((await errorOf(service.addCustomKind(other, 'ДОВІДКА', admin))).code).toBe('forbidden');
    expect(await service.listCustomKinds()).toHaveLength(1);
  });
});

describe('template channels', () => {
  it('templates.get returns the current or the asked version through the channel schemas', async () => {
    await service.ensureDefaultTemplates(defaults);
    await service.saveTemplate('family', 'Друга редакція', head);
    const handlers = templatesHandlers(service);
    const ctx = { user: admin, sessionKey: 's', transport: 'bridge' as const };
    const get = templatesChannels['templates.get'];
    const current = get.output.parse(await handlers['templates.get'](get.input.parse({ kindId: 'family' }), ctx));
    const first = get.output.parse(await handlers['templates.get'](get.input.parse({ kindId: 'family', version: 1 }), ctx));
    expect([current.version, first.version]).toEqual([2, 1]);
    expect(templatesChannels['templates.save'].access).toEqual(['head']);
    expect(customKindsChannels['kinds.addCustom'].access).toEqual(['head']);
  });
});
