import type { Sql } from '../sql.js';

/**
 * SQL of re-created remote workplaces (migration 0010, R3.5): each re-creation opens the next
 * installation generation of an office; the first installation is generation 1, its keys pinned in
 * `exchange_office_keys`, later ones in `exchange_reinstalled_keys`.
 */

export interface JournalHeadMark {
  year: number;
  number: number;
  hash: string;
}

export interface OfficeRecreation {
  officeId: string;
  generation: number;
  workplaceVersion: number;
  /** The last bundle imported from the PC that was replaced. */
  baseSequence: number;
  /** Each journal's chain head at the centre when the office was re-created. */
  heads: Record<string, JournalHeadMark>;
  recreatedAt: string;
  recreatedBy: string;
}

interface RawRecreation {
  officeId: string;
  generation: number;
  workplaceVersion: number;
  baseSequence: number;
  heads: string;
  recreatedAt: string;
  recreatedBy: string;
}

const COLUMNS = `office_id AS "officeId", generation, workplace_version AS "workplaceVersion", base_sequence AS "baseSequence",
  heads, recreated_at AS "recreatedAt", recreated_by AS "recreatedBy"`;

function toRecreation(row: RawRecreation): OfficeRecreation {
  return {
    ...row,
    generation: Number(row.generation),
    workplaceVersion: Number(row.workplaceVersion),
    baseSequence: Number(row.baseSequence),
    heads: JSON.parse(row.heads) as Record<string, JournalHeadMark>,
  };
}

export async function insertRecreation(db: Sql, row: OfficeRecreation): Promise<void> {
  await db.run(
    `INSERT INTO exchange_recreations (office_id, generation, workplace_version, base_sequence, heads, recreated_at, recreated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [row.officeId, row.generation, row.workplaceVersion, row.baseSequence, JSON.stringify(row.heads), row.recreatedAt, row.recreatedBy],
  );
}

/** Every re-creation of an office, oldest first. */
export async function listRecreations(db: Sql, officeId: string): Promise<OfficeRecreation[]> {
  const rows = await db.all<RawRecreation>(`SELECT ${COLUMNS} FROM exchange_recreations WHERE office_id = ? ORDER BY generation`, [officeId]);
  return rows.map(toRecreation);
}

/** The office's current installation generation: 1 until it is first re-created. */
export async function currentGeneration(db: Sql, officeId: string): Promise<number> {
  const row = await db.get<{ generations: number }>('SELECT COUNT(*) AS generations FROM exchange_recreations WHERE office_id = ?', [officeId]);
  return 1 + Number(row?.generations ?? 0);
}

export interface InstallationKeys {
  officeId: string;
  generation: number;
  signingKey: string;
  encryptionKey: string;
  pinnedAt: string;
}

/** The keys pinned for each installation generation of an office, the first included. */
export async function installationKeys(db: Sql, officeId: string): Promise<InstallationKeys[]> {
  const rows = await db.all<InstallationKeys>(
    `SELECT office_id AS "officeId", 1 AS generation, signing_key AS "signingKey", encryption_key AS "encryptionKey", pinned_at AS "pinnedAt"
       FROM exchange_office_keys WHERE office_id = ?
     UNION ALL
     SELECT office_id, generation, signing_key, encryption_key, pinned_at
       FROM exchange_reinstalled_keys WHERE office_id = ?
     ORDER BY generation`,
    [officeId, officeId],
  );
  return rows.map((row) => ({ ...row, generation: Number(row.generation) }));
}

export async function pinReinstalledKeys(db: Sql, keys: InstallationKeys, pinnedBy: string | null): Promise<void> {
  await db.run(
    'INSERT INTO exchange_reinstalled_keys (office_id, generation, signing_key, encryption_key, pinned_at, pinned_by) VALUES (?, ?, ?, ?, ?, ?)',
    [keys.officeId, keys.generation, keys.signingKey, keys.encryptionKey, keys.pinnedAt, pinnedBy],
  );
}

// ── What a re-created workplace starts from: the office's records as the centre holds them ─────

export interface OfficeRecords {
  handovers: { entryId: string; at: string; receivedBy: 'subject' | 'representative'; recipientName: string; byUser: string }[];
  annulments: { entryId: string; at: string; reason: string; byUser: string }[];
  reissues: { annulledId: string; newEntryId: string; at: string; byUser: string }[];
  documentCodes: { entryId: string; shortCode: string }[];
}

const OF_OFFICE = 'JOIN entries e ON e.id = t.{key} JOIN journals j ON j.id = e.journal_id WHERE j.office_id = ?';

/** Handovers, annulments, reissue links and document codes of the office's entries, in the order they were written. */
export async function officeRecords(db: Sql, officeId: string): Promise<OfficeRecords> {
  // SQLite's implicit row id; the PostgreSQL schema has an identity column of the same name.
  const of = (key: string) => `${OF_OFFICE.replace('{key}', key)} ORDER BY t.rowid`;
  return {
    handovers: await db.all(
      `SELECT t.entry_id AS "entryId", t.at, t.received_by AS "receivedBy", t.recipient_name AS "recipientName", t.by_user AS "byUser"
         FROM handovers t ${of('entry_id')}`,
      [officeId],
    ),
    annulments: await db.all(`SELECT t.entry_id AS "entryId", t.at, t.reason, t.by_user AS "byUser" FROM annulments t ${of('entry_id')}`, [officeId]),
    reissues: await db.all(
      `SELECT t.annulled_entry_id AS "annulledId", t.new_entry_id AS "newEntryId", t.at, t.by_user AS "byUser" FROM reissues t ${of('annulled_entry_id')}`,
      [officeId],
    ),
    documentCodes: await db.all(`SELECT t.entry_id AS "entryId", t.short_code AS "shortCode" FROM document_codes t ${of('entry_id')}`, [officeId]),
  };
}
