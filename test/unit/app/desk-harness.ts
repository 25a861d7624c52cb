import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeskError } from '../../../shared/contract/errors.js';
import type { ChannelName, Contract } from '../../../shared/contract/index.js';
import type { InputOf, OutputOf } from '../../../shared/contract/define.js';
import type { CertificateDraft } from '../../../shared/contract/channels/entries.js';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import { setUpSampleRegister } from '../../../electron/app/sample-register.js';
import { testRegisterTarget, type TestRegisterTarget } from '../../support/register-backend.js';


export interface TestDesk {
  readonly desk: Desk;
  readonly dataDir: string;
  readonly journalId: string;
  readonly officeId: string;
  readonly signatoryId: string;
  /** Calls a channel through the real dispatcher (validation, roles) as the logged-in head. */
  call<N extends ChannelName>(channel: N, input: InputOf<Contract[N]>, sessionKey?: string): Promise<OutputOf<Contract[N]>>;
  /** The raw envelope, for asserting on refusals. */
  raw(channel: string, input: unknown, sessionKey?: string): ReturnType<Desk['dispatcher']['dispatch']>;
  close(): Promise<void>;
}

/**
 * Where each test desk's register lives, by data folder: a desk reopened on the same folder (the
 * reliability suites) finds the same register, the file or the test's database on the server.
 */
const registerTargets = new Map<string, TestRegisterTarget>();

/** The `database` option for a desk reopened on `dataDir`, if its register is on the server. */
export function registerOptionsOf(dataDir: string): { database?: string } {
  const database = registerTargets.get(dataDir)?.database;
  return database ? { database } : {};
}

/** Where the register of a test desk's `dataDir` lives, to change it behind the desk's back. */
export function registerTargetOf(dataDir: string): TestRegisterTarget {
  const target = registerTargets.get(dataDir);
  if (!target) throw new Error(`no test register for ${dataDir}`);
  return target;
}

/** Drops the register of `dataDir` (a test database on the server) and forgets it. */
export async function disposeRegisterOf(dataDir: string): Promise<void> {
  await registerTargets.get(dataDir)?.dispose();
  registerTargets.delete(dataDir);
}

/** A fresh register in a temporary folder, set up and logged in as the department head. */
export async function openTestDesk(options: { now?: () => Date } = {}): Promise<TestDesk> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-app-'));
  const target = await testRegisterTarget(dataDir);
  registerTargets.set(dataDir, target);
  const desk = await createDesk({
    dataDir,
    demo: false,
    appVersion: 'test',
    ...(target.database ? { database: target.database } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const raw = (channel: string, input: unknown, sessionKey = 'head-session') =>
    desk.dispatcher.dispatch(channel, input, { sessionKey, transport: 'cli' });
  const call = async <N extends ChannelName>(channel: N, input: InputOf<Contract[N]>, sessionKey?: string) => {
    const result = await raw(channel, input, sessionKey);
    if (!result.ok) throw DeskError.fromShape(result.error);
    return result.value as OutputOf<Contract[N]>;
  };
  const sample = await setUpSampleRegister(call);
  // The start-up checks (quick_check, the daily backup) run beside the first calls; a test starts
  // once they are done, or a backup it counts could still be a `.partial` of the daily one.
  await desk.startupChecks;
  return {
    desk,
    dataDir,
    journalId: sample.journalId,
    officeId: sample.officeId,
    signatoryId: sample.signatoryId,
    call,
    raw,
    close: async () => {
      await desk.close();
      await disposeRegisterOf(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Documents as presented at the desk, for drafts and certifications in the tests. */
export const PRESENTED = {
  identity: { requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' },
  apartmentCards: { requirementId: 'housing_records', type: 'apartment_card' },
  childBirth: { requirementId: 'child_birth:2', type: 'birth_certificate', series: 'I-БП', number: '654321' },
} as const;

/** `familyDraft` with every document its checklist requires (R7.4): it can be issued. */
export function completeFamilyDraft(): CertificateDraft {
  return familyDraft([PRESENTED.identity, PRESENTED.apartmentCards, PRESENTED.childBirth]);
}

/** A family certificate draft (R7.1.2) for a household with a child; documents as given. */
export function familyDraft(documents: CertificateDraft['documents']): CertificateDraft {
  return {
    kinds: ['family'],
    purpose: 'для пред’явлення за місцем вимоги',
    subject: {
      name: { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' },
      birthDate: '1980-03-09',
      declined: { nominative: 'Шевченко Тарас Григорович', dative: 'x', genitive: 'x', corrected: false },
    },
    address: { settlement: 'м. Глухів', street: 'вул. Київська', house: '12' },
    applicant: { actsAs: 'self' },
    household: [
      { name: { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' }, relation: 'applicant', birthDate: '1980-03-09' },
      { name: { familyName: 'Шевченко', givenName: 'Марʼяна', patronymic: 'Іванівна' }, relation: 'wife', birthDate: '1982-05-01' },
      { name: { familyName: 'Шевченко', givenName: 'Ґаля', patronymic: 'Тарасівна' }, relation: 'daughter', birthDate: '2015-07-20' },
    ],
    facts: { dwelling: 'apartment_building', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
    documents,
  };
}
