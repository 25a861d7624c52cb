import type pg from 'pg';

export const ZERO_HASH = '0'.repeat(64);

/** The least a journal entry needs around it: an office, a user, a journal (ids fixed per test database). */
export async function seedJournal(client: pg.ClientBase): Promise<void> {
  await client.query(`INSERT INTO offices (id, code, name, kind) VALUES ('o1', 'C', 'ЦНАП', 'central')`);
  await client.query(
    `INSERT INTO users (id, login, full_name, role, office_id, password_hash) VALUES ('u1', 'admin', 'Адмін', 'admin', 'o1', 'x')`,
  );
  await client.query(`INSERT INTO journals (id, office_id, nomenclature_index, title, sorts) VALUES ('j1', 'o1', '01-21', 'Журнал', '["certificate"]')`);
}

/** Appends an entry linked to `prevHash`; its insert takes the number from the counter (migration 5). */
export async function appendEntry(
  client: pg.ClientBase,
  entry: { id: string; year: number; number: number; prevHash: string; hash: string },
): Promise<void> {
  await client.query(
    `INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by,
       content, prev_hash, hash)
     VALUES ($1, 'j1', $2, $3, $4, 'certificate', '["residence"]', '2025-01-01T10:00:00.000Z', '2025-01-01', 'u1', '{}', $5, $6)`,
    [entry.id, entry.year, entry.number, `01-21/${entry.number}`, entry.prevHash, entry.hash],
  );
}
