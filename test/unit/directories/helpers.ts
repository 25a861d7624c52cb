import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRegister } from '../../../electron/register/database.js';
import type { RegisterDb } from '../../../electron/register/sql.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import type { AuditFn } from '../../../electron/register/services/directories.js';

export interface TestDb {
  db: RegisterDb;
  close(): Promise<void>;
}

/** A real register file in a fresh temporary folder, opened (and migrated) as the desk opens it. */
export function openTestDb(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-directories-'));
  const db = openRegister(path.join(dir, 'register.sqlite'));
  return {
    db,
    async close() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  summary: string;
  userId: string | undefined;
}

export function recordingAudit(): { audit: AuditFn; records: AuditRecord[] } {
  const records: AuditRecord[] = [];
  return {
    records,
    audit: (action, entity, entityId, summary, actor) => {
      records.push({ action, entity, entityId, summary, userId: actor?.userId });
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(iso: string): { now: () => Date; set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set(next: string) {
      current = new Date(next);
    },
  };
}

export const head: SessionUser = {
  userId: 'user-head',
  login: 'head',
  fullName: 'Начальник Відділу',
  role: 'head',
  officeId: 'office-1',
};

export const admin: SessionUser = {
  userId: 'user-admin',
  login: 'admin',
  fullName: 'Адміністратор ЦНАП',
  role: 'admin',
  officeId: 'office-1',
};
