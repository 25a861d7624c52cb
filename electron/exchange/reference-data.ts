import type { Body, BodyPostRecord, Settlement, Signatory, Street } from '../../shared/domain/directories.js';
import { streetSearchKey } from '../../shared/domain/directories.js';
import type { DeskSettings, Journal, Office } from '../../shared/domain/directories-core.js';
import type { CouncilRequisites } from '../../shared/domain/requisites.js';
import type { RegisterDb } from '../register/database.js';
import {
  closePostPeriod,
  insertPost,
  selectBodies,
  selectPosts,
  selectSettlements,
  selectSignatories,
  selectStreets,
  upsertBody,
  upsertSettlement,
  upsertSignatory,
  upsertStreet,
} from '../register/repositories/directories.js';
import { latestTemplateVersions, selectAllTemplateVersions } from '../register/repositories/exchange.js';
import { getJournal, insertJournal, listJournals, updateJournal } from '../register/repositories/journals.js';
import { getOffice, insertOffice, listOffices, updateOffice } from '../register/repositories/offices.js';
import { putSetting } from '../register/repositories/settings.js';
import {
  customKindExists,
  insertCustomKind,
  insertNextTemplateVersion,
  selectCustomKinds,
  type CustomKindRecord,
  type TemplateVersionRow,
} from '../register/repositories/templates.js';
import { getUser, insertUser, listUsers, setPasswordHash, updateUserProfile, type UserRow } from '../register/repositories/users.js';
import type { ServiceContext } from '../register/services/context.js';
import { readDeskSettings, readRequisites, SETTING_KEYS } from '../register/services/settings.js';

/**
 * What the centre hands a remote workplace and keeps current there (issue 10 §1, §4): the
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
}

export function collectReferenceData(ctx: ServiceContext, officeId: string): ReferenceData {
  const { db } = ctx;
  const { backupFolder: _localFolder, ...settings } = readDeskSettings(ctx);
  const settlements = selectSettlements(db);
  const bodies = selectBodies(db, { includeInactive: true });
  return {
    requisites: readRequisites(ctx),
    settings,
    offices: listOffices(db),
    journals: listJournals(db, officeId).map(({ officeCode: _code, ...journal }) => journal),
    users: listUsers(db)
      .filter((user) => user.officeId === officeId)
      .map(({ failedCount: _failed, lockedUntil: _locked, ...user }) => user),
    signatories: selectSignatories(db, { officeId }),
    settlements,
    streets: settlements.flatMap((settlement) => selectStreets(db, settlement.id)),
    bodies,
    posts: bodies.flatMap((body) => selectPosts(db, body.id)),
    customKinds: selectCustomKinds(db),
    templates: selectAllTemplateVersions(db),
  };
}

export interface AppliedCounts {
  users: number;
  journals: number;
  directories: number;
  templates: number;
  customKinds: number;
}

function upsertOffices(db: RegisterDb, offices: Office[]): void {
  for (const office of offices) {
    if (getOffice(db, office.id)) updateOffice(db, office);
    else insertOffice(db, office);
  }
}

function upsertJournals(db: RegisterDb, journals: ReferenceData['journals']): void {
  for (const journal of journals) {
    if (getJournal(db, journal.id)) updateJournal(db, journal);
    else insertJournal(db, journal);
  }
}

/** Users of the office as the centre keeps them; anyone the centre no longer lists here is deactivated. */
function upsertUsers(db: RegisterDb, users: ReferenceData['users']): void {
  const listed = new Set(users.map((user) => user.id));
  for (const user of users) {
    const current = getUser(db, user.id);
    if (!current) {
      insertUser(db, { ...user, failedCount: 0, lockedUntil: null });
      continue;
    }
    updateUserProfile(db, user);
    if (current.passwordHash !== user.passwordHash) setPasswordHash(db, user.id, user.passwordHash);
  }
  for (const user of listUsers(db)) {
    if (!listed.has(user.id) && user.active) updateUserProfile(db, { ...user, active: false });
  }
}

function applyDirectories(db: RegisterDb, data: ReferenceData, at: string, by: string): void {
  for (const signatory of data.signatories) upsertSignatory(db, signatory, at);
  for (const settlement of data.settlements) upsertSettlement(db, settlement, at);
  for (const street of data.streets) upsertStreet(db, street, streetSearchKey(street.name), at);
  for (const body of data.bodies) upsertBody(db, body, at);
  const localPosts = new Map(data.bodies.flatMap((body) => selectPosts(db, body.id)).map((post) => [post.id, post]));
  // Posts first close where the centre closed them, then new holders arrive: at most one open period per post.
  for (const post of data.posts) {
    const local = localPosts.get(post.id);
    if (local && local.to === undefined && post.to !== undefined) closePostPeriod(db, post.id, post.to, at, by);
  }
  for (const post of data.posts) {
    if (localPosts.has(post.id)) continue;
    insertPost(db, post, at, by);
    if (post.to !== undefined) closePostPeriod(db, post.id, post.to, at, by);
  }
}

/**
 * Template versions the remote does not have yet, in order, so each keeps its number (a printed
 * certificate records the version that printed it, R7.3).
 */
function applyTemplates(db: RegisterDb, data: ReferenceData): { templates: number; customKinds: number } {
  let customKinds = 0;
  for (const kind of data.customKinds) {
    if (customKindExists(db, kind.id)) continue;
    insertCustomKind(db, kind);
    customKinds += 1;
  }
  const have = latestTemplateVersions(db);
  let templates = 0;
  for (const template of data.templates) {
    if (template.version <= (have.get(template.kindId) ?? 0)) continue;
    const { version: _version, ...row } = template;
    insertNextTemplateVersion(db, row);
    have.set(template.kindId, template.version);
    templates += 1;
  }
  return { templates, customKinds };
}

/** Applies a snapshot inside the caller's transaction. The local backup folder is kept. */
export function applyReferenceData(ctx: ServiceContext, data: ReferenceData, by: string): AppliedCounts {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  if (data.requisites) putSetting(db, SETTING_KEYS.requisites, data.requisites);
  const { backupFolder } = readDeskSettings(ctx);
  putSetting(db, SETTING_KEYS.desk, { ...data.settings, ...(backupFolder ? { backupFolder } : {}) });
  upsertOffices(db, data.offices);
  upsertJournals(db, data.journals);
  upsertUsers(db, data.users);
  applyDirectories(db, data, at, by);
  const applied = applyTemplates(db, data);
  return {
    users: data.users.length,
    journals: data.journals.length,
    directories: data.signatories.length + data.settlements.length + data.streets.length + data.bodies.length,
    ...applied,
  };
}
