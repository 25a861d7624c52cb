import type { Migration } from '../../migrations/index.js';
import { postgresMigration0001 } from './0001-register.js';

/**
 * PostgreSQL's migrations: forward-only, in order, numbered on their own (version 1 is SQLite's
 * 1–4). Add one as a new `NNNN-name.ts` file, append it here, and add its tables to the
 * application role's grants (roles.ts).
 */
export const postgresMigrations: readonly Migration[] = [{ version: 1, name: 'register', sql: postgresMigration0001 }];

/** The schema version this build of the app writes and understands on PostgreSQL. */
export const POSTGRES_SCHEMA_VERSION = postgresMigrations.reduce((max, migration) => Math.max(max, migration.version), 0);
