import type { Body, BodyPostRecord, Settlement, Signatory, Street } from '../../shared/domain/directories.js';
import { streetSearchKey } from '../../shared/domain/directories.js';
import type { DeskSettings, Journal, Office } from '../../shared/domain/directories-core.js';
import type { CouncilRequisites } from '../../shared/domain/requisites.js';
import type { Sql } from '../register/sql.js';
import {
  closePostPeriod,
  customKindExists,
  type CustomKindRecord,
  getJournal,
  getOffice,
  getUser,
  insertCustomKind,
  insertJournal,
  insertJournalYearStart,
  insertKindDecision,
  insertNextTemplateVersion,
  insertOffice,
  insertPost,
  insertUser,
  journalYearCounted,
  type JournalYearStartRow,
  kindDecisionExists,
  type KindDecisionRow,
  latestTemplateVersions,
  listJournals,
  listOffices,
  listUsers,
  putSetting,
  selectAllTemplateVersions,
  selectBodies,
  selectCustomKinds,
  selectJournalYearStarts,
  selectKindDecisions,
  selectPosts,
  selectSettlements,
  selectSignatories,
  selectStreets,
  setPasswordHash,
  type TemplateVersionRow,
  updateJournal,
  updateOffice,
  updateUserProfile,
  upsertBody,
  upsertSettlement,
  upsertSignatory,
  upsertStreet,
  type UserRow,
} from '../register/services/replication.js';
import { DeskError } from '../../shared/contract/errors.js';
import type { ServiceContext } from '../register/services/context.js';
import { readDeskSettings, readRequisites, SETTING_KEYS } from '../register/services/settings.js';

/**
 * What the centre hands a remote workplace and keeps current there (R3.5): the
 * council's requisites and desk settings, the offices, that office's journals and users (with
 * their password hashes, so the same passwords work offline), the directories (signatories,
 * committees/ОСББ with their posts, settlements, streets) and every template version with the
 * custom kinds (R7.3, R7.15). A snapshot, so applying it twice gives the same register.
 */
export interface ReferenceData {
  requisites: CouncilRequisites | null;
  settings: Omit<DeskSettings, 'backupFolder'>;
  offices: Office[];
  journals: Omit<Journal, 'officeCode'>[];
  users: Omit<UserRow, 'failedCount' | 'lockedUntil'>[];
  signatories: Signatory[];
  settlements: Settlement[];
  streets: Street[];
  bodies: Body[];
  posts: BodyPostRecord[];
  customKinds: CustomKindRecord[];
  templates: TemplateVersionRow[];
  /** The council's decisions on kinds, so the workplace refuses a stopped kind too (absent from older packages). */
  kindDecisions?: KindDecisionRow[];
  /** The office's journals continued from paper: the year's first number (absent from older packages). */
  yearStarts?: JournalYearStartRow[];
}

/** Read in one snapshot, so a package never pairs a body with posts from another moment. */
export function collectReferenceData(ctx: ServiceContext, officeId: string): Promise<ReferenceData> {
  const { db } = ctx;
  return db.read(async () => {
    const { backupFolder: _localFolder, ...settings } = await readDeskSettings(ctx);
    const journals = (await listJournals(db, officeId)).map(({ officeCode: _code, ...journal }) => journal);
    const journalIds = new Set(journals.map((journal) => journal.id));
    const settlements = await selectSettlements(db);
    const streets: Street[] = [];
    for (const settlement of settlements) streets.push(...(await selectStreets(db, settlement.id)));
    const bodies = await selectBodies(db, { includeInactive: true });
    const posts: BodyPostRecord[] = [];
    for (const body of bodies) posts.push(...(await selectPosts(db, body.id)));
    return {
      requisites: await readRequisites(ctx),
      settings,
      offices: await listOffices(db),
      journals,
      users: (await listUsers(db))
        .filter((user) => user.officeId === officeId)
        .map(({ failedCount: _failed, lockedUntil: _locked, ...user }) => user),
      signatories: await selectSignatories(db, { officeId }),
      settlements,
      streets,
      bodies,
      posts,
      customKinds: await selectCustomKinds(db),
      templates: await selectAllTemplateVersions(db),
      kindDecisions: await selectKindDecisions(db),
      yearStarts: (await selectJournalYearStarts(db)).filter((start) => journalIds.has(start.journalId)),
    };
  });
}

export interface AppliedCounts {
  users: number;
  journals: number;
  directories: number;
  templates: number;
  customKinds: number;
}

async function upsertOffices(db: Sql, offices: Office[]): Promise<void> {
  for (const office of offices) {
    if (await getOffice(db, office.id)) await updateOffice(db, office);
    else await insertOffice(db, office);
  }
}

async function upsertJournals(db: Sql, journals: ReferenceData['journals']): Promise<void> {
  for (const journal of journals) {
    if (await getJournal(db, journal.id)) await updateJournal(db, journal);
    else await insertJournal(db, journal);
  }
}

/** Users of the office as the centre keeps them; anyone the centre no longer lists here is deactivated. */
async function upsertUsers(db: Sql, users: ReferenceData['users']): Promise<void> {
  const listed = new Set(users.map((user) => user.id));
  for (const user of users) {
    const current = await getUser(db, user.id);
    if (!current) {
      await insertUser(db, { ...user, failedCount: 0, lockedUntil: null });
      continue;
    }
    await updateUserProfile(db, user);
    if (current.passwordHash !== user.passwordHash) await setPasswordHash(db, user.id, user.passwordHash);
  }
  for (const user of await listUsers(db)) {
    if (!listed.has(user.id) && user.active) await updateUserProfile(db, { ...user, active: false });
  }
}

async function applyDirectories(db: Sql, data: ReferenceData, at: string, by: string): Promise<void> {
  for (const signatory of data.signatories) await upsertSignatory(db, signatory, at);
  for (const settlement of data.settlements) await upsertSettlement(db, settlement, at);
  for (const street of data.streets) await upsertStreet(db, street, streetSearchKey(street.name), at);
  for (const body of data.bodies) await upsertBody(db, body, at);
  const localPosts = new Map<string, BodyPostRecord>();
  for (const body of data.bodies) for (const post of await selectPosts(db, body.id)) localPosts.set(post.id, post);
  // Posts first close where the centre closed them, then new holders arrive: at most one open period per post.
  for (const post of data.posts) {
    const local = localPosts.get(post.id);
    if (local && local.to === undefined && post.to !== undefined) await closePostPeriod(db, post.id, post.to, at, by);
  }
  for (const post of data.posts) {
    if (localPosts.has(post.id)) continue;
    await insertPost(db, post, at, by);
    if (post.to !== undefined) await closePostPeriod(db, post.id, post.to, at, by);
  }
}

/**
 * Template versions the remote does not have yet, in order, so each keeps its number (a printed
 * certificate records the version that printed it, R7.3).
 */
async function applyTemplates(db: Sql, data: ReferenceData): Promise<{ templates: number; customKinds: number }> {
  let customKinds = 0;
  for (const kind of data.customKinds) {
    if (await customKindExists(db, kind.id)) continue;
    await insertCustomKind(db, kind);
    customKinds += 1;
  }
  const have = await latestTemplateVersions(db);
  let templates = 0;
  for (const template of data.templates) {
    if (template.version <= (have.get(template.kindId) ?? 0)) continue;
    const { version: _version, ...row } = template;
    await insertNextTemplateVersion(db, row);
    have.set(template.kindId, template.version);
    templates += 1;
  }
  return { templates, customKinds };
}

/**
 * Decisions and year starts are records the centre made: the ones not here yet are added. A start
 * for a year this workplace already numbered cannot apply (its entries began at 1): the package
 * is refused, with a message, rather than the two desks numbering that year differently.
 */
async function applyDecisionsAndStarts(db: Sql, data: ReferenceData): Promise<void> {
  for (const decision of data.kindDecisions ?? []) {
    if (!(await kindDecisionExists(db, decision.id))) await insertKindDecision(db, decision);
  }
  for (const start of data.yearStarts ?? []) {
    const held = (await selectJournalYearStarts(db, start.journalId)).some((known) => known.year === start.year);
    if (held) continue;
    if (await journalYearCounted(db, start.journalId, start.year)) throw new DeskError('conflict', 'errors.journals.yearStartAfterEntries');
    await insertJournalYearStart(db, start);
  }
}

/** Applies a snapshot inside the caller's write transaction. The local backup folder is kept. */
export async function applyReferenceData(ctx: ServiceContext, data: ReferenceData, by: string): Promise<AppliedCounts> {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  if (data.requisites) await putSetting(db, SETTING_KEYS.requisites, data.requisites);
  const { backupFolder } = await readDeskSettings(ctx);
  await putSetting(db, SETTING_KEYS.desk, { ...data.settings, ...(backupFolder ? { backupFolder } : {}) });
  await upsertOffices(db, data.offices);
  await upsertJournals(db, data.journals);
  await upsertUsers(db, data.users);
  await applyDirectories(db, data, at, by);
  const applied = await applyTemplates(db, data);
  await applyDecisionsAndStarts(db, data);
  return {
    users: data.users.length,
    journals: data.journals.length,
    directories: data.signatories.length + data.settlements.length + data.streets.length + data.bodies.length,
    ...applied,
  };
}
