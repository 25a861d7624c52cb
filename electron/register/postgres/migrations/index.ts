import type { Migration } from '../../migrations/index.js';
import { postgresMigration0001 } from './0001-register.js';
import { postgresMigration0002 } from './0002-time-indexes.js';
import { postgresMigration0003 } from './0003-submission-keys.js';
import { postgresMigration0004 } from './0004-kind-decisions-year-starts.js';
import { postgresMigration0005 } from './0005-counter-by-issuing.js';
import { postgresMigration0006 } from './0006-witnessed-checkpoints.js';
import { postgresMigration0007 } from './0007-office-document-keys.js';
import { postgresMigration0008 } from './0008-office-recreation.js';
import { postgresMigration0009 } from './0009-entry-words.js';
import { postgresMigration0010 } from './0010-handover-power-of-attorney.js';

/**
 * PostgreSQL's migrations: forward-only, in order, numbered on their own (version 1 is SQLite's
 * 1–4, version 2 the time indexes of SQLite's 5, version 3 the submission keys of SQLite's 6).
 * Add one as a new `NNNN-name.ts` file, append it here, and add its tables to the application
 * role's grants (roles.ts).
 */
export const postgresMigrations: readonly Migration[] = [
  { version: 1, name: 'register', sql: postgresMigration0001 },
  { version: 2, name: 'time-indexes', sql: postgresMigration0002 },
  { version: 3, name: 'submission-keys', sql: postgresMigration0003 },
  { version: 4, name: 'kind-decisions-year-starts', sql: postgresMigration0004 },
  { version: 5, name: 'counter-by-issuing', sql: postgresMigration0005 },
  { version: 6, name: 'witnessed-checkpoints', sql: postgresMigration0006 },
  { version: 7, name: 'office-document-keys', sql: postgresMigration0007 },
  { version: 8, name: 'office-recreation', sql: postgresMigration0008 },
  { version: 9, name: 'entry-words', sql: postgresMigration0009 },
  { version: 10, name: 'handover-power-of-attorney', sql: postgresMigration0010 },
];

/** The schema version this build of the app writes and understands on PostgreSQL. */
export const POSTGRES_SCHEMA_VERSION = postgresMigrations.reduce((max, migration) => Math.max(max, migration.version), 0);
