import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CertificateContent, EntryContent, RefusalContent } from '../../../shared/domain/entry.js';
import type { PersonName } from '../../../shared/domain/person.js';
import type { CouncilRequisites } from '../../../shared/domain/requisites.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import { registerPath, type RegisterDb, type SqliteConnection } from '../../../electron/register/database.js';
import { openTestRegisterDb, type TestRegisterTarget } from '../../support/register-backend.js';
import { createRegisterServices, type RegisterServices } from '../../../electron/register/index.js';

export const requisites: CouncilRequisites = {
  councilName: 'Тестова міська рада',
  executiveCommitteeName: 'Виконавчий комітет Тестової міської ради',
  cnapDepartmentName: 'Відділ «Центр надання адміністративних послуг»',
  region: 'Тестова область',
  address: 'вул. Тестова, 1, м. Тестове',
  phone: '+380000000000',
  email: 'cnap@example.org',
  registerDepartment: 'Відділ ведення реєстру територіальної громади',
};

export const HEAD_PASSWORD = 'head-password-1';

export function person(familyName: string, givenName: string, patronymic?: string): PersonName {
  return { familyName, givenName, ...(patronymic ? { patronymic } : {}) };
}

/** A family certificate (R7.1 `family`) with every R7.4 document ticked. */
export function certificate(name: PersonName = person('Шевченко', 'Тарас', 'Григорович'), settlement = 'Тестове'): CertificateContent {
  const nominative = [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
  return {
    sort: 'certificate',
    kinds: ['family'],
    purpose: 'для пред\u02BCявлення за місцем вимоги',
    subject: {
      name,
      birthDate: '1980-03-09',
      declined: { nominative, dative: nominative, genitive: nominative, corrected: false },
    },
    address: { settlement, street: 'вул. Садова', house: '12', apartment: '3' },
    applicant: { actsAs: 'self' },
    household: [{ name: person(name.familyName, 'Оксана', 'Петрівна'), relation: 'wife', birthDate: '1982-05-01' }],
    facts: { dwelling: 'apartment_building', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
    documents: [
      { requirementId: 'identity', type: 'id_card', number: '000000001' },
      { requirementId: 'house_book', type: 'apartment_card' },
    ],
    signatory: { signatoryId: 's1', position: 'Начальник відділу', fullName: 'Іванова Ірина', seal: 'for_certificates', sealName: 'Для довідок' },
    templateVersions: { family: 1 },
  };
}

/** R7.4.2: no house book, refused and referred. */
export function refusal(name: PersonName = person('Коваль', 'Марія')): RefusalContent {
  const nominative = `${name.familyName} ${name.givenName}`;
  return {
    sort: 'refusal',
    requested: { sort: 'certificate', kinds: ['registration'] },
    subject: { name, declined: { nominative, dative: nominative, genitive: nominative, corrected: false } },
    address: { settlement: 'Тестове', house: '1' },
    applicant: { actsAs: 'self' },
    grounds: [{ ruleId: 'R7.4.2', requirementId: 'house_book', text: 'Не подано будинкову книгу' }],
    facts: { dwelling: 'private_house', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
    documents: [{ requirementId: 'identity', type: 'passport_book', series: 'АА', number: '123456' }],
    signatory: { signatoryId: 's1', position: 'Адміністратор', fullName: 'Іванова Ірина', seal: 'for_certificates', sealName: 'Для довідок' },
    templateVersion: 1,
  };
}

export const allowAll = (_content: EntryContent): void => undefined;

/** A movable clock for lockouts, idle locks and the Kyiv year boundary. */
export class TestClock {
  constructor(private instant: Date) {}
  now = (): Date => new Date(this.instant.getTime());
  set(iso: string): void {
    this.instant = new Date(iso);
  }
  advanceMinutes(minutes: number): void {
    this.instant = new Date(this.instant.getTime() + minutes * 60_000);
  }
}

export interface TestRegister {
  dir: string;
  file: string;
  db: RegisterDb;
  /** Changes rows with the protecting triggers off (an attacker with the file or the server). */
  tamper: TestRegisterTarget['tamper'];
  /** Another connection to the same register (a second workstation or process). */
  connectAgain: TestRegisterTarget['connectAgain'];
  clock: TestClock;
  services: RegisterServices;
  head: SessionUser;
  officeId: string;
  journalId: string;
  close(): Promise<void>;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-register-'));
}

/** A fresh register in a temporary folder, set up with its first head. */
export async function setUpRegister(start = '2025-06-02T09:00:00.000Z'): Promise<TestRegister> {
  const dir = tempDir();
  const file = registerPath(dir);
  const { db, target, dispose } = await openTestRegisterDb(dir);
  const clock = new TestClock(new Date(start));
  const services = createRegisterServices({ db, dataDir: dir, now: clock.now });
  const ids = await services.setup.run({
    requisites,
    centralOffice: { name: 'ЦНАП', code: 'CNAP' },
    journal: { index: '01-21', title: 'Журнал реєстрації довідок' },
    head: { login: 'head', fullName: 'Петренко Ольга Іванівна', password: HEAD_PASSWORD },
  });
  const { user } = await services.auth.login('head-window', 'head', HEAD_PASSWORD);
  return {
    dir,
    file,
    db,
    tamper: target.tamper,
    connectAgain: target.connectAgain,
    clock,
    services,
    head: user,
    officeId: ids.officeId,
    journalId: ids.journalId,
    close: async () => {
      await dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The embedded file's connection, for tests that look at SQLite itself (pragmas, plans, raw rows). */
export function sqliteOf(db: RegisterDb): SqliteConnection {
  if (!db.sqlite) throw new Error('This test needs the embedded SQLite register');
  return db.sqlite;
}
