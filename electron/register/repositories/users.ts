import type { Sql } from '../sql.js';
import type { Role } from '../../../shared/domain/roles.js';

export interface UserRow {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  officeId: string;
  passwordHash: string;
  failedCount: number;
  lockedUntil: string | null;
  active: boolean;
}

interface RawUserRow {
  id: string;
  login: string;
  full_name: string;
  role: Role;
  office_id: string;
  password_hash: string;
  failed_count: number;
  locked_until: string | null;
  active: number;
}

function toUser(row: RawUserRow): UserRow {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    officeId: row.office_id,
    passwordHash: row.password_hash,
    failedCount: row.failed_count,
    lockedUntil: row.locked_until,
    active: row.active === 1,
  };
}

async function count(db: Sql, sql: string): Promise<number> {
  return (await db.get<{ n: number }>(sql))?.n ?? 0;
}

export async function countUsers(db: Sql): Promise<number> {
  return count(db, 'SELECT COUNT(*) AS n FROM users');
}

export async function countActiveHeads(db: Sql): Promise<number> {
  return count(db, "SELECT COUNT(*) AS n FROM users WHERE role = 'head' AND active = 1");
}

export async function listUsers(db: Sql): Promise<UserRow[]> {
  return (await db.all<RawUserRow>('SELECT * FROM users ORDER BY full_name, login')).map(toUser);
}

export async function getUser(db: Sql, id: string): Promise<UserRow | undefined> {
  const row = await db.get<RawUserRow>('SELECT * FROM users WHERE id = ?', [id]);
  return row ? toUser(row) : undefined;
}

export async function getUserByLogin(db: Sql, login: string): Promise<UserRow | undefined> {
  const row = await db.get<RawUserRow>('SELECT * FROM users WHERE login = ?', [login]);
  return row ? toUser(row) : undefined;
}

export async function insertUser(db: Sql, user: UserRow): Promise<void> {
  await db.run(
    `INSERT INTO users (id, login, full_name, role, office_id, password_hash, failed_count, locked_until, active)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
    user.id,
    user.login,
    user.fullName,
    user.role,
    user.officeId,
    user.passwordHash,
    user.failedCount,
    user.lockedUntil,
    user.active ? 1 : 0,
    ],
  );
}

export async function updateUserProfile(db: Sql, user: Pick<UserRow, 'id' | 'fullName' | 'role' | 'officeId' | 'active'>): Promise<void> {
  await db.run('UPDATE users SET full_name = ?, role = ?, office_id = ?, active = ? WHERE id = ?', [
    user.fullName,
    user.role,
    user.officeId,
    user.active ? 1 : 0,
    user.id,
  ]);
}

export async function setPasswordHash(db: Sql, id: string, passwordHash: string): Promise<void> {
  await db.run('UPDATE users SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE id = ?', [passwordHash, id]);
}

export async function setLoginFailures(db: Sql, id: string, failedCount: number, lockedUntil: string | null): Promise<void> {
  await db.run('UPDATE users SET failed_count = ?, locked_until = ? WHERE id = ?', [failedCount, lockedUntil, id]);
}
