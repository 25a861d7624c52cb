import { v7 as uuidv7 } from 'uuid';
import type { SessionUser } from '../../register/services/session.js';
import { createDecliner } from '../../declension/decliner.js';
import { kyivLocalDate } from '../../register/kyiv-time.js';
import type { BatchEntryInput } from '../../register/services/entries.js';
import { gateOf, plannedCertificate, plannedCertification, plannedRefusal, type ContentContext, type EntryRule, type PlannedEntry } from './contents.js';
import { prepareDeclension } from './declension.js';
import type { CastOffice, DeskCast } from './desk-cast.js';
import { householdOf, householdSurnameWords, type Household, type SurnameWords } from './people.js';
import { Random } from './random.js';

/**
 * What the synthetic register's entries are, decided before any is written: when, in which
 * journal, by whom, with what content, and what happens to each later. Plain data, so a
 * planning thread can hand it to the thread that writes (two cores, two jobs).
 */

const DAY_MS = 86_400_000;

/** Everything the plan depends on: the same spec plans the same entries on any thread. */
export interface PlanSpec {
  readonly cast: DeskCast;
  readonly seed: number;
  readonly entries: number;
  readonly until: Date;
  readonly days: number;
  readonly batchSize: number;
}

/** One planned entry: `BatchEntryInput` with its gate named by `rule` (see `batchInputOf`). */
export interface PlannedItem extends Omit<BatchEntryInput, 'gate'> {
  readonly rule: EntryRule;
}

/** The first instant the plan may use: `days` before `until`. */
export function planStart(spec: Pick<PlanSpec, 'until' | 'days'>): Date {
  return new Date(spec.until.getTime() - spec.days * DAY_MS);
}

/** Monday to Friday between two instants (UTC midnight of each day). */
function workingDays(from: Date, until: Date): number[] {
  const days: number[] = [];
  for (let day = Math.floor(from.getTime() / DAY_MS) * DAY_MS; day <= until.getTime(); day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/**
 * When entry `i` of `n` is written: spread evenly over the working days, within the working day
 * (08:00–17:00 in Kyiv, roughly 06:00–15:00 UTC), always later than entry `i − 1`.
 */
function instantsOver(days: readonly number[], n: number, random: Random, until: Date): (i: number) => Date {
  const firstOfDay = (d: number) => Math.ceil((d * n) / days.length);
  return (i) => {
    const d = Math.floor((i * days.length) / n);
    const start = firstOfDay(d);
    const perDay = Math.max(1, firstOfDay(d + 1) - start);
    const slot = (9 * 3_600_000) / perDay;
    const at = (days[d] ?? 0) + 6 * 3_600_000 + (i - start) * slot + random.float() * slot * 0.9;
    return new Date(Math.min(Math.floor(at), until.getTime() - (n - i)));
  };
}

const ANNULMENT_REASONS = [
  'Помилка в даті народження особи',
  'Невірно зазначено адресу (номер будинку)',
  'Помилка у прізвищі члена сімʼї',
  'Помилково зазначено мету видачі довідки',
  'Заявник відмовився від отримання довідки',
];

/** One office's households: about two and a half entries per household over the register's life. */
function householdCount(office: CastOffice, entries: number): number {
  return Math.max(30, Math.round((entries * office.share) / 2.5));
}

/**
 * `kyivLocalDate` remembered for the last UTC hour asked: Kyiv's offset from UTC is whole hours,
 * so no UTC hour spans two Kyiv dates, and entries come in time order (a tenth of the planning).
 */
function kyivDateByHour(): (at: Date) => string {
  let hour = Number.NaN;
  let date = '';
  return (at) => {
    const atHour = Math.floor(at.getTime() / 3_600_000);
    if (atHour !== hour) {
      hour = atHour;
      date = kyivLocalDate(at);
    }
    return date;
  };
}

/** The office's household `index`: the same every time for the same seed. */
function householdAt(spec: Pick<PlanSpec, 'cast' | 'seed'>, office: CastOffice, index: number): Household {
  return householdOf(spec.seed * 31 + spec.cast.offices.indexOf(office), index, office.territory);
}

/**
 * Up to this many households, the plan declines only the surnames they carry; from there, the
 * whole pool (≈ 3,600 words, ≈ 2 s), which a large register draws nearly all of anyway. A test's
 * register or the training register of 600 entries then starts in a fraction of the time.
 */
const DECLINE_DRAWN_SURNAMES_UP_TO = 20_000;

function surnamesToDecline(spec: Pick<PlanSpec, 'cast' | 'seed' | 'entries'>): SurnameWords | undefined {
  const counts = spec.cast.offices.map((office) => householdCount(office, spec.entries));
  if (counts.reduce((sum, count) => sum + count, 0) > DECLINE_DRAWN_SURNAMES_UP_TO) return undefined;
  return householdSurnameWords(spec.cast.offices.flatMap((office, at) => Array.from({ length: counts[at] ?? 0 }, (_, index) => householdAt(spec, office, index))));
}

function planner(spec: PlanSpec, content: ContentContext): (i: number) => PlannedItem {
  const { cast, seed, entries, until } = spec;
  const instantOf = instantsOver(workingDays(planStart(spec), until), entries, new Random(seed ^ 0x5eed), until);
  const random = new Random(seed);
  const officeChoices = cast.offices.map((office) => [office, office.share] as const);
  const localDateOf = kyivDateByHour();
  return (i) => {
    const at = instantOf(i);
    const date = localDateOf(at);
    const office = random.weighted(officeChoices);
    const household = householdAt(spec, office, random.int(0, householdCount(office, entries) - 1));
    const sort = random.weighted([['certificate', 72], ['certification', 18], ['refusal', 10]] as const);
    const make = sort === 'certificate' ? plannedCertificate : sort === 'certification' ? plannedCertification : plannedRefusal;
    const planned: PlannedEntry = make(content, random, household, date, office.signatory);
    const user: SessionUser = office.users.length > 1 ? random.weighted(office.users.map((u) => [u, u.role === 'head' ? 1 : 4] as const)) : (office.users[0] ?? cast.head);
    const later = (minMinutes: number, maxMinutes: number) => new Date(at.getTime() + random.int(minMinutes, maxMinutes) * 60_000);
    const annulledAt = sort !== 'refusal' && random.chance(0.012) ? later(10, 2 * 24 * 60) : undefined;
    const handedAt = sort !== 'refusal' && !annulledAt && random.chance(0.9) ? later(5, 3 * 24 * 60) : undefined;
    return {
      journalId: office.journalId,
      content: planned.content,
      user,
      rule: planned.rule,
      at,
      id: uuidv7({ msecs: at.getTime(), random: random.bytes(16) }),
      // What has not happened by `until` has not happened: recent documents still wait for their owners.
      ...(handedAt && handedAt < until ? { handover: plannedHandover(planned, handedAt, date) } : {}),
      ...(annulledAt && annulledAt < until ? { annulment: { at: annulledAt, reason: random.pick(ANNULMENT_REASONS) } } : {}),
    };
  };
}

/** A notary who certified the representatives' powers of attorney in the generated registers. */
const PROXY_ISSUER = 'приватний нотаріус Глухівського районного нотаріального округу Сумської області';

/**
 * The handover of a planned entry: a representative shows a power of attorney (R7.4.4) — the one
 * presented with the application when there was one, else one dated the entry's day. Derived from
 * the plan, not drawn, so the rest of a seeded register stays as it was.
 */
function plannedHandover(planned: PlannedEntry, at: Date, date: string): NonNullable<BatchEntryInput['handover']> {
  const { receivedBy, name } = planned.recipient;
  if (receivedBy === 'subject') return { at, receivedBy, recipientName: name };
  const presented = planned.content.documents.find((doc) => doc.type === 'power_of_attorney')?.number;
  const number = presented ?? String(1000 + (name.length * 37 + date.charCodeAt(9) * 11) % 9000);
  return { at, receivedBy, recipientName: name, powerOfAttorney: { number, date, issuer: PROXY_ISSUER } };
}

/** The plan, batch by batch, on the calling thread. */
export async function* planBatches(spec: PlanSpec): AsyncGenerator<PlannedItem[]> {
  const declension = await prepareDeclension(createDecliner(), surnamesToDecline(spec));
  const next = planner(spec, { declension, registerDepartment: spec.cast.registerDepartment, bodies: spec.cast.bodies });
  for (let start = 0; start < spec.entries; start += spec.batchSize) {
    const batch: PlannedItem[] = [];
    for (let i = start; i < Math.min(spec.entries, start + spec.batchSize); i += 1) batch.push(next(i));
    yield batch;
  }
}

/** What `appendBatch` takes: the planned item with the gate its rule names. */
export function batchInputOf(item: PlannedItem, cast: DeskCast): BatchEntryInput {
  const { rule, ...input } = item;
  return { ...input, gate: gateOf(rule, cast.bodies) };
}
