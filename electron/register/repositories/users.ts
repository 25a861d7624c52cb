import type { RegisterDb } from '../database.js';
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

export function countUsers(db: RegisterDb): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function countActiveHeads(db: RegisterDb): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'head' AND active = 1").get() as { n: number }).n;
}

export function listUsers(db: RegisterDb): UserRow[] {
  return (db.prepare('SELECT * FROM users ORDER BY full_name, login').all() as RawUserRow[]).map(toUser);
}

export function getUser(db: RegisterDb, id: string): UserRow | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as RawUserRow | undefined;
  return row ? toUser(row) : undefined;
}

export function getUserByLogin(db: RegisterDb, login: string): UserRow | undefined {
  const row = db.prepare('SELECT * FROM users WHERE login = ?').get(login) as RawUserRow | undefined;
  return row ? toUser(row) : undefined;
}

export function insertUser(db: RegisterDb, user: UserRow): void {
  db.prepare(
    `INSERT INTO users (id, login, full_name, role, office_id, password_hash, failed_count, locked_until, active)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    user.id,
    user.login,
    user.fullName,
    user.role,
    user.officeId,
    user.passwordHash,
    user.failedCount,
    user.lockedUntil,
    user.active ? 1 : 0,
  );
}

export function updateUserProfile(
  db: RegisterDb,
  user: Pick<UserRow, 'id' | 'fullName' | 'role' | 'officeId' | 'active'>,
): void {
  db.prepare('UPDATE users SET full_name = ?, role = ?, office_id = ?, active = ? WHERE id = ?').run(
    user.fullName,
    user.role,
    user.officeId,
    user.active ? 1 : 0,
    user.id,
  );
}

export function setPasswordHash(db: RegisterDb, id: string, passwordHash: string): void {
  db.prepare('UPDATE users SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE id = ?').run(passwordHash, id);
}

export function setLoginFailures(db: RegisterDb, id: string, failedCount: number, lockedUntil: string | null): void {
  db.prepare('UPDATE users SET failed_count = ?, locked_until = ? WHERE id = ?').run(failedCount, lockedUntil, id);
}
