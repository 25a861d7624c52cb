import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeskError } from '../../../shared/contract/errors.js';
import type { ChannelName, Contract } from '../../../shared/contract/index.js';
import type { InputOf, OutputOf } from '../../../shared/contract/define.js';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import { createExchangeService, type ExchangeService } from '../../../electron/exchange/index.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import type { RegisterDb } from '../../../electron/register/database.js';
import { familyDraft, openTestDesk, type TestDesk } from '../app/desk-harness.js';

/** One clock for every desk of a test, moved by hand: "offline for days" is a few lines. */
export function testClock(start: string) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advanceDays(days: number) {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}

export interface Centre extends TestDesk {
  exchange: ExchangeService;
  head: SessionUser;
  bodyId: string;
}

export interface RemoteOffice {
  officeId: string;
  code: string;
  journalId: string;
  login: string;
  password: string;
}

type Call = <N extends ChannelName>(channel: N, input: InputOf<Contract[N]>) => Promise<OutputOf<Contract[N]>>;

export interface RemoteDesk {
  desk: Desk;
  dataDir: string;
  office: RemoteOffice;
  exchange: ExchangeService;
  user: SessionUser;
  call: Call;
  raw(channel: string, input: unknown): ReturnType<Desk['dispatcher']['dispatch']>;
  close(): Promise<void>;
}

function signedInUser(desk: Desk, sessionKey: string): SessionUser {
  const user = desk.register.sessions.userFor(sessionKey);
  if (!user) throw new Error(`no session ${sessionKey}`);
  return user;
}

/** The central register with a committee (for certifications) and the head logged in. */
export async function openCentre(now: () => Date): Promise<Centre> {
  const centre = await openTestDesk({ now });
  const body = await centre.call('directories.bodies.save', {
    type: 'committee',
    committeeKind: 'quarter',
    number: '7',
    name: 'Квартальний комітет № 7',
    territory: 'с. Береза',
    legalEntity: false,
    hasSeal: false,
  });
  await centre.call('directories.bodies.addPost', {
    bodyId: body.id,
    role: 'head',
    name: { familyName: 'Бондар', givenName: 'Василь', patronymic: 'Петрович' },
    from: '2015-01-01',
  });
  return { ...centre, exchange: createExchangeService(centre.desk.register), head: signedInUser(centre.desk, 'head-session'), bodyId: body.id };
}

/** A starosta office with its own journal (own index and numbering) and one remote administrator. */
export async function addRemoteOffice(centre: Centre, code: string, index: string): Promise<RemoteOffice> {
  const office = await centre.call('offices.create', { code, name: `Старостинський округ ${code}`, kind: 'remote', starostaDistrict: code });
  const journal = await centre.call('journals.create', {
    officeId: office.id,
    index,
    title: `Журнал ${code}`,
    sorts: ['certificate', 'certification', 'refusal'],
  });
  const login = `admin-${code.toLowerCase()}`;
  const password = `пароль-${code}-надійний`;
  await centre.call('users.create', { login, fullName: `Адміністратор ${code}`, role: 'remote_admin', officeId: office.id, password });
  return { officeId: office.id, code, journalId: journal.id, login, password };
}

/** A remote install in its own folder, set up from the workplace package instead of the wizard. */
export async function installRemote(centre: Centre, office: RemoteOffice, now: () => Date): Promise<RemoteDesk> {
  const workplace = await centre.exchange.exportWorkplace(centre.head, office.officeId);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `desk-remote-${office.code}-`));
  const desk = await createDesk({ dataDir, demo: false, appVersion: 'test', now });
  await createExchangeService(desk.register).importWorkplace(workplace.data, workplace.passphrase);
  return remoteDeskOn(desk, dataDir, office);
}

/** A remote desk started again on an installed data folder (a restart, or a copy of its folder). */
export async function reopenRemote(dataDir: string, office: RemoteOffice, now: () => Date): Promise<RemoteDesk> {
  return remoteDeskOn(await createDesk({ dataDir, demo: false, appVersion: 'test', now }), dataDir, office);
}

async function remoteDeskOn(desk: Desk, dataDir: string, office: RemoteOffice): Promise<RemoteDesk> {
  const exchange = createExchangeService(desk.register);
  const raw = (channel: string, input: unknown) => desk.dispatcher.dispatch(channel, input, { sessionKey: 'remote-session', transport: 'cli' });
  const call: Call = async (channel, input) => {
    const result = await raw(channel, input);
    if (!result.ok) throw DeskError.fromShape(result.error);
    return result.value as never;
  };
  await call('auth.login', { login: office.login, password: office.password });
  return {
    desk,
    dataDir,
    office,
    exchange,
    user: signedInUser(desk, 'remote-session'),
    call,
    raw,
    close: async () => {
      await desk.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const identity = { requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' } as const;
const apartmentCards = { requirementId: 'housing_records', type: 'apartment_card' } as const;
const childBirth = { requirementId: 'child_birth:2', type: 'birth_certificate', series: 'I-БП', number: '654321' } as const;

export function draftFor(familyName: string) {
  const draft = familyDraft([identity, apartmentCards, childBirth]);
  draft.subject.name.familyName = familyName;
  const first = draft.household[0];
  if (first) first.name.familyName = familyName;
  return draft;
}

export async function issueFamily(remote: RemoteDesk, signatoryId: string, familyName: string, replacesEntryId?: string) {
  const { entry } = await remote.call('entries.issueCertificate', {
    journalId: remote.office.journalId,
    signatoryId,
    certificate: draftFor(familyName),
    ...(replacesEntryId ? { replacesEntryId } : {}),
  });
  return entry;
}

export async function refuseFamily(remote: RemoteDesk, signatoryId: string, familyName: string) {
  const draft = draftFor(familyName);
  draft.documents = [identity];
  const { entry } = await remote.call('entries.refuse', {
    journalId: remote.office.journalId,
    signatoryId,
    request: { sort: 'certificate', certificate: draft },
    grounds: [{ ruleId: 'R7.4.2', details: '' }],
  });
  return entry;
}

export async function certifyCommittee(remote: RemoteDesk, signatoryId: string, bodyId: string, familyName: string) {
  const draft = draftFor(familyName);
  const { entry } = await remote.call('entries.certify', {
    journalId: remote.office.journalId,
    signatoryId,
    certification: {
      kind: 'committee_family',
      bodyId,
      certificateDate: '2026-10-20',
      signer: { role: 'head', name: { familyName: 'Бондар', givenName: 'Василь', patronymic: 'Петрович' }, headAbsence: 'not_applicable' },
      sealPresent: false,
      submittedBy: 'subject',
      subject: draft.subject,
      address: draft.address,
      applicant: { actsAs: 'self' },
      dataMatch: true,
      facts: draft.facts,
      documents: [identity, apartmentCards],
    },
  });
  return entry;
}

/**
 * A digest of every row of every table, in a fixed order: equal digests mean the register did
 * not change at all (a refused bundle must leave no trace, not even an audit row).
 */
export function registerDigest(db: RegisterDb): string {
  const file = db.sqlite;
  if (!file) throw new Error('the digest reads the embedded register file');
  const hash = createHash('sha256');
  const tables = file.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of file.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]) hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
  }
  return hash.digest('hex');
}
