import { entrySorts, type SignatorySnapshot } from '../../../shared/domain/entry.js';
import type { StreetKind } from '../../../shared/domain/directories.js';
import type { CouncilRequisites } from '../../../shared/domain/requisites.js';
import { normalizeApostrophes } from '../../../shared/domain/text.js';
import { defaultTemplates } from '../../../shared/rules/default-templates.js';
import { parseTemplate, placeholdersFor } from '../../../shared/rules/templates.js';
import type { SessionUser } from '../../register/services/session.js';
import type { RegisterDb, RegisterServices } from '../../register/index.js';
import { writeAudit } from '../../register/services/audit.js';
import { createDirectoriesService, type DirectoriesService } from '../../register/services/directories.js';
import { createTemplatesService, type TemplateValidator, type TemplatesService } from '../../register/services/templates.js';
import type { SyntheticBody } from './contents.js';
import { CITY, VILLAGES_A, VILLAGES_B, type Territory } from './people.js';

/**
 * The people and places of a synthetic register: the council, the central office and two remote
 * offices (R3.5) each with a journal, their administrators, the signatories (R7.10) and the
 * self-organisation bodies whose certificates are certified (R7.5, R7.8). Everything is created
 * through the register's services, as the setup wizard and the directories screens do.
 */

/** Every seeded account's password (a training register is for practice; never a real office). */
export const SEED_PASSWORD = 'navchannia-2025';

export const SEED_REQUISITES: CouncilRequisites = {
  councilName: 'Глухівська міська рада',
  executiveCommitteeName: 'Виконавчий комітет Глухівської міської ради',
  cnapDepartmentName: 'Відділ «Центр надання адміністративних послуг»',
  region: 'Сумська область',
  address: 'вул. Шевченка, 6, м. Глухів, 41400',
  phone: '(05444) 2-33-44',
  email: 'cnap@hlukhiv-rada.example',
  registerDepartment: 'Відділ ведення реєстру територіальної громади',
};

interface OfficePlan {
  code: string;
  name: string;
  /** The nomenclature index of the office's journal: each office its own, so numbers never collide (section E). */
  journalIndex: string;
  territory: Territory;
  /** Share of the register's entries written in this office's journal. */
  share: number;
  district?: string;
  signatory: { position: string; fullName: string };
  users: { login: string; fullName: string; role: 'head' | 'admin' | 'remote_admin' }[];
}

const OFFICES: readonly OfficePlan[] = [
  {
    code: 'CNAP',
    name: 'ЦНАП (центральний офіс)',
    journalIndex: '01-21',
    territory: CITY,
    share: 0.6,
    signatory: { position: 'Начальник відділу «Центр надання адміністративних послуг»', fullName: 'Олена ПЕТРЕНКО' },
    users: [
      { login: 'head', fullName: 'Петренко Олена Василівна', role: 'head' },
      { login: 'admin1', fullName: 'Демʼянчук Марʼяна Іванівна', role: 'admin' },
      { login: 'admin2', fullName: 'Ґудзенко Вʼячеслав Петрович', role: 'admin' },
    ],
  },
  {
    code: 'POL',
    name: 'Віддалене робоче місце ЦНАП у с. Полошки',
    journalIndex: '02-01',
    district: 'Полошківський старостинський округ',
    territory: VILLAGES_A,
    share: 0.25,
    signatory: { position: 'Адміністратор віддаленого робочого місця ЦНАП у с. Полошки', fullName: 'Ганна ЇЖАКЕВИЧ' },
    users: [{ login: 'poloshky', fullName: 'Їжакевич Ганна Степанівна', role: 'remote_admin' }],
  },
  {
    code: 'BER',
    name: 'Віддалене робоче місце ЦНАП у с. Береза',
    journalIndex: '03-01',
    district: 'Березівський старостинський округ',
    territory: VILLAGES_B,
    share: 0.15,
    signatory: { position: 'Адміністратор віддаленого робочого місця ЦНАП у с. Береза', fullName: 'Ірина КОВАЛЕНКО-ЄМЕЦЬ' },
    users: [{ login: 'bereza', fullName: 'Коваленко-Ємець Ірина Олегівна', role: 'remote_admin' }],
  },
];

const COMMITTEES = ([
  'Центральний', 'Вишневий', 'Козацький', 'Замковий', 'Соборний', 'Садовий', 'Заріччя', 'Веселка',
  "П'ятницький",
  'Ярмарковий',
] as const).map(normalizeApostrophes);
const OSBB = ['Соборна, 12', 'Незалежності, 7', 'Терещенків, 21'];
const HEADS: readonly [string, string, string][] = [
  ['Мельник', 'Віра', 'Андріївна'],
  ['Ґонта', 'Степан', 'Іванович'],
  ["Солов'яненко", 'Людмила', 'Петрівна'],
  ['Костюк', 'Григорій', 'Михайлович'],
  ['Яворська', 'Надія', 'Романівна'],
  ['Їжак', 'Остап', 'Ярославович'],
  ['Ємець', 'Лариса', 'Федорівна'],
  ['Кобзар', 'Євген', 'Олегович'],
];

export interface CastOffice {
  readonly officeId: string;
  readonly code: string;
  readonly journalId: string;
  readonly territory: Territory;
  readonly share: number;
  readonly users: readonly SessionUser[];
  readonly signatory: SignatorySnapshot;
}

/** Who works at the desk and with what: read back from the register, whoever created it. */
export interface DeskCast {
  readonly head: SessionUser;
  readonly offices: readonly CastOffice[];
  readonly bodies: readonly SyntheticBody[];
  readonly registerDepartment: string;
}

export interface DeskServices {
  readonly register: RegisterServices;
  readonly directories: DirectoriesService;
  readonly templates: TemplatesService;
}

/** Template text is checked against the placeholders its own kind allows, as the desk does. */
const validateTemplate: TemplateValidator = (text, kindId, customKinds) => {
  const parsed = parseTemplate(text, placeholdersFor(kindId, customKinds));
  return parsed.ok ? { ok: true } : { ok: false, errors: parsed.errors };
};

/** The directories and templates services on the register's connection, composed as the desk composes them. */
export function deskServices(register: RegisterServices, db: RegisterDb, now: () => Date): DeskServices {
  const audit = (action: string, entity: string, entityId: string, summary: string, actor?: SessionUser) =>
    writeAudit(register.ctx, { userId: actor?.userId ?? null, action, entity, entityId, summary });
  return {
    register,
    directories: createDirectoriesService({ db, now, audit }),
    templates: createTemplatesService({ db, now, audit, validateTemplate }),
  };
}

function sessionUserOf(user: { id: string; login: string; fullName: string; role: SessionUser['role']; officeId: string }): SessionUser {
  return { userId: user.id, login: user.login, fullName: user.fullName, role: user.role, officeId: user.officeId };
}

const STREET_KINDS: readonly (readonly [string, StreetKind])[] = [
  ['вул. ', 'street'],
  ['пров. ', 'lane'],
  ['просп. ', 'avenue'],
  ['бульв. ', 'boulevard'],
];

async function addPlaces(services: DeskServices, head: SessionUser): Promise<void> {
  for (const plan of OFFICES) {
    for (const label of plan.territory.settlements) {
      const [prefix, name] = label.split(/\s(.+)/) as [string, string];
      const settlement = await services.directories.saveSettlement(
        { kind: prefix === 'м.' ? 'city' : 'village', name, ...(plan.district ? { starostaDistrict: plan.district } : {}) },
        head,
      );
      for (const street of plan.territory.streets) {
        const [start, kind] = STREET_KINDS.find(([candidate]) => street.startsWith(candidate)) ?? ['', 'street'];
        await services.directories.saveStreet({ settlementId: settlement.id, kind, name: street.slice(start.length) }, head);
      }
    }
  }
}

function headName(index: number): { familyName: string; givenName: string; patronymic: string } {
  const [familyName, givenName, patronymic] = HEADS[index % HEADS.length] as [string, string, string];
  return { familyName: normalizeApostrophes(familyName), givenName, patronymic };
}

/** Committees (R7.5) with a head and a deputy, one head replaced midway; ОСББ (R7.8) with a head. */
async function addBodies(services: DeskServices, head: SessionUser, since: string, midway: string): Promise<void> {
  for (const [index, name] of COMMITTEES.entries()) {
    const legalEntity = index % 3 === 0;
    const body = await services.directories.saveBody(
      {
        type: 'committee',
        committeeKind: 'quarter',
        number: String(index + 1),
        name: `Квартальний комітет № ${index + 1} «${name}»`,
        territory: `м. Глухів, мікрорайон «${name}»`,
        legalEntity,
        hasSeal: legalEntity,
        ...(legalEntity ? { sealName: `Квартальний комітет № ${index + 1} «${name}» * м. Глухів` } : {}),
      },
      head,
    );
    await services.directories.addPost({ bodyId: body.id, role: 'head', name: headName(index), from: since }, head);
    await services.directories.addPost({ bodyId: body.id, role: 'deputy', name: headName(index + 3), from: since }, head);
    if (index % 2 === 0) await services.directories.addPost({ bodyId: body.id, role: 'head', name: headName(index + 5), from: midway }, head);
  }
  for (const [index, name] of OSBB.entries()) {
    const body = await services.directories.saveBody(
      { type: 'osbb', name: `ОСББ «${name}»`, territory: `м. Глухів, ${name}`, legalEntity: true, hasSeal: true, sealName: `ОСББ «${name}» * м. Глухів` },
      head,
    );
    await services.directories.addPost({ bodyId: body.id, role: 'head', name: headName(index + 1), from: since }, head);
  }
}

/**
 * First-run setup of a synthetic register, as the wizard and the head would do it: requisites,
 * offices, journals, accounts, signatories, settlements and streets, bodies, default templates.
 * `since` is the first day entries may carry; bodies and signatories are valid from before it.
 */
export async function setUpDesk(services: DeskServices, since: string, midway: string): Promise<DeskCast> {
  const [central, ...remote] = OFFICES as [OfficePlan, ...OfficePlan[]];
  const headPlan = central.users[0] as OfficePlan['users'][number];
  const ids = await services.register.setup.run({
    requisites: SEED_REQUISITES,
    centralOffice: { name: central.name, code: central.code },
    journal: { index: central.journalIndex, title: 'Журнал реєстрації довідок відділу «Центр надання адміністративних послуг»' },
    head: { login: headPlan.login, fullName: headPlan.fullName, password: SEED_PASSWORD },
  });
  const head: SessionUser = { userId: ids.userId, login: headPlan.login, fullName: headPlan.fullName, role: 'head', officeId: ids.officeId };
  await services.templates.ensureDefaultTemplates(defaultTemplates);
  const officeIds = new Map([[central.code, ids.officeId]]);
  for (const plan of remote) {
    const office = await services.register.offices.create(head, { code: plan.code, name: plan.name, kind: 'remote', ...(plan.district ? { starostaDistrict: plan.district } : {}) });
    officeIds.set(plan.code, office.id);
    await services.register.journals.create(head, { officeId: office.id, index: plan.journalIndex, title: `Журнал реєстрації довідок (${plan.name})`, sorts: [...entrySorts] });
  }
  for (const plan of OFFICES) {
    const officeId = officeIds.get(plan.code) ?? ids.officeId;
    for (const user of plan.users.filter((candidate) => candidate.role !== 'head')) {
      await services.register.users.create(head, { ...user, officeId, password: SEED_PASSWORD });
    }
    await services.directories.saveSignatory(
      { ...plan.signatory, seal: 'for_certificates', sealName: 'Для довідок', validFrom: since, ...(plan === central ? {} : { officeId }) },
      head,
    );
  }
  await addPlaces(services, head);
  await addBodies(services, head, since, midway);
  return readCast(services);
}

/** The cast of a register set up by `setUpDesk`, read back through the services (logs the head in). */
export async function readCast(services: DeskServices): Promise<DeskCast> {
  const { user: head } = await services.register.auth.login('synthetic-register', 'head', SEED_PASSWORD);
  const users = (await services.register.users.list(head)).map(sessionUserOf);
  const journals = await services.register.journals.list(head);
  const offices = await services.register.offices.list();
  const signatories = await services.directories.listSignatories();
  const castOffices = OFFICES.map((plan): CastOffice => {
    const office = offices.find((candidate) => candidate.code === plan.code);
    const journal = journals.find((candidate) => candidate.officeId === office?.id);
    const signatory = signatories.find((candidate) => candidate.officeId === office?.id) ?? signatories.find((candidate) => !candidate.officeId);
    if (!office || !journal || !signatory) throw new Error(`The register lacks the ${plan.code} office, its journal or a signatory: not a seeded register`);
    return {
      officeId: office.id,
      code: plan.code,
      journalId: journal.id,
      territory: plan.territory,
      share: plan.share,
      users: users.filter((user) => user.officeId === office.id && plan.users.some((planned) => planned.login === user.login)),
      signatory: { signatoryId: signatory.id, position: signatory.position, fullName: signatory.fullName, seal: signatory.seal, sealName: signatory.sealName },
    };
  });
  const bodies = await Promise.all(
    (await services.directories.listBodies()).map(async (body) => ({ id: body.id, history: await services.directories.bodyHistory(body.id) })),
  );
  const requisites = await services.register.settings.getRequisites();
  return { head, offices: castOffices, bodies, registerDepartment: requisites.registerDepartment };
}
