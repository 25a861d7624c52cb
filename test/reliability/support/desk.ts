import { rmSync } from 'node:fs';
import { DeskError } from '../../../shared/contract/errors.js';
import type { ChannelName, Contract } from '../../../shared/contract/index.js';
import type { InputOf, OutputOf } from '../../../shared/contract/define.js';
import type { CertificateDraft } from '../../../shared/contract/channels/entries.js';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import type { DispatchLogger } from '../../../electron/ipc/dispatch.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { disposeRegisterOf, familyDraft, openTestDesk, registerOptionsOf } from '../../unit/app/desk-harness.js';

export const HEAD_PASSWORD = SAMPLE_HEAD.password;

/** What a child process or a reopened desk needs to issue into a prepared register. */
export interface PreparedRegister {
  readonly dataDir: string;
  readonly journalId: string;
  readonly signatoryId: string;
  remove(): Promise<void>;
}

export interface OpenDesk {
  readonly desk: Desk;
  call<N extends ChannelName>(channel: N, input: InputOf<Contract[N]>, sessionKey?: string): Promise<OutputOf<Contract[N]>>;
  raw(channel: string, input: unknown, sessionKey?: string): ReturnType<Desk['dispatcher']['dispatch']>;
}

export const HEAD_SESSION = 'head-session';

/** A register set up by the unit harness (council, office, journal, head, signatory), then closed. */
export async function prepareRegister(): Promise<PreparedRegister> {
  const t = await openTestDesk();
  await t.desk.close();
  return {
    dataDir: t.dataDir,
    journalId: t.journalId,
    signatoryId: t.signatoryId,
    remove: async () => {
      await disposeRegisterOf(t.dataDir);
      rmSync(t.dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the desk on an existing data folder, as the app does at start, and logs the head in. */
export async function openDesk(
  dataDir: string,
  options: { logger?: DispatchLogger; now?: () => Date; login?: boolean; database?: string } = {},
): Promise<OpenDesk> {
  const desk = await createDesk({
    dataDir,
    demo: false,
    appVersion: 'reliability',
    ...(options.database ? { database: options.database } : registerOptionsOf(dataDir)),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const raw = (channel: string, input: unknown, sessionKey = HEAD_SESSION) =>
    desk.dispatcher.dispatch(channel, input, { sessionKey, transport: 'cli' });
  const call = async <N extends ChannelName>(channel: N, input: InputOf<Contract[N]>, sessionKey?: string) => {
    const result = await raw(channel, input, sessionKey);
    if (!result.ok) throw DeskError.fromShape(result.error);
    return result.value as OutputOf<Contract[N]>;
  };
  if (options.login !== false) await call('auth.login', { login: SAMPLE_HEAD.login, password: HEAD_PASSWORD });
  return { desk, call, raw };
}

const identity = { requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' } as const;
const apartmentCards = { requirementId: 'housing_records', type: 'apartment_card' } as const;
const childBirth = { requirementId: 'child_birth:2', type: 'birth_certificate', series: 'I-БП', number: '654321' } as const;

/**
 * A complete family certificate (R7.1.2, every document of R7.4 presented) whose declined forms
 * are marked corrected, so issuing never waits for the declension library to load.
 */
export function completeDraft(familyName = 'Шевченко'): CertificateDraft {
  const draft = familyDraft([identity, apartmentCards, childBirth]);
  const nominative = `${familyName} Тарас Григорович`;
  draft.subject.name.familyName = familyName;
  draft.subject.declined = { nominative, dative: `${familyName} Тарасу Григоровичу`, genitive: `${familyName} Тараса Григоровича`, corrected: true };
  const applicant = draft.household[0];
  if (applicant) applicant.name.familyName = familyName;
  return draft;
}

export function issueInput(register: { journalId: string; signatoryId: string }, familyName?: string) {
  return { journalId: register.journalId, signatoryId: register.signatoryId, certificate: completeDraft(familyName) };
}
