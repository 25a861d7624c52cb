import { migration0001Core } from './0001-core.js';
import { migration0002 } from './0002-directories.js';
import { migration0003 } from './0003-exchange.js';
import { migration0004 } from './0004-search-speed.js';
import { migration0005 } from './0005-issuing-pages.js';
import { migration0006 } from './0006-submission-keys.js';
import { migration0007 } from './0007-kind-decisions-year-starts.js';
import { migration0008 } from './0008-witnessed-checkpoints.js';
import { migration0009 } from './0009-office-document-keys.js';
import { migration0010 } from './0010-office-recreation.js';
import { migration0011 } from './0011-handover-power-of-attorney.js';

export interface Migration {
  /** Strictly increasing from 1; stored in `PRAGMA user_version` once applied. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Forward-only, in order. Add a migration as a new `NNNN-name.ts` file and append it here. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'core', sql: migration0001Core },
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];

/** The schema version this build of the app writes and understands. */
export const SCHEMA_VERSION = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
