import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { schemaFaultSchema } from '../../shared/contract/channels/register.js';
import { sqliteOptions, type SqliteConnection } from './database.js';
import { migrations } from './migrations/index.js';
import { postgresSchemaFaults } from './postgres/schema-check.js';
import type { RegisterDb } from './sql.js';

/**
 * The register's own protections — the triggers that keep entries, counters and logs append-only
 * (R7.7), the unique constraints and indexes behind gap-free numbering — are part of what the
 * start-up check and `cli verify` check, not only the rows: a register whose triggers were
 * dropped still verifies row by row, yet no longer refuses an edit.
 *
 * The expected schema is what the migrations create, derived from them each time (on SQLite by
 * applying them to an empty in-memory database), so a new migration needs no second list here.
 */
/**
 * `missing`: not there; `altered`: there with another definition; `disabled`: a trigger that does
 * not fire; `unexpected`: a trigger the migrations never made. `table` is the table it belongs to
 * (the object's own name for a function).
 */
export type SchemaFault = z.infer<typeof schemaFaultSchema>;

type SchemaObjectKind = SchemaFault['kind'];

export interface SchemaCheck {
  ok: boolean;
  faults: SchemaFault[];
}

export async function checkRegisterSchema(db: RegisterDb): Promise<SchemaCheck> {
  const faults = db.dialect === 'postgres' ? await postgresSchemaFaults(db) : await sqliteSchemaFaults(db);
  return { ok: faults.length === 0, faults };
}

interface SqliteObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string;
}

const SCHEMA_OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

let expectedSqlite: ReadonlyMap<string, SqliteObject> | undefined;

/** What the migrations create, keyed by type and name. Applied once per process to an empty database in memory (milliseconds). */
function expectedSqliteSchema(): ReadonlyMap<string, SqliteObject> {
  if (expectedSqlite) return expectedSqlite;
  const memory = new Database(':memory:', sqliteOptions({}));
  try {
    for (const migration of migrations) memory.exec(migration.sql);
    expectedSqlite = byKey(memory.prepare(SCHEMA_OBJECTS).all() as SqliteObject[]);
    return expectedSqlite;
  } finally {
    memory.close();
  }
}

function byKey(objects: readonly SqliteObject[]): Map<string, SqliteObject> {
  return new Map(objects.map((object) => [`${object.type}:${object.name}`, object]));
}

/** The statement as SQLite keeps it, without comments and with whitespace collapsed: layout is not a change. */
function normalisedSql(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function sqliteSchemaFaults(db: RegisterDb): Promise<SchemaFault[]> {
  const expected = expectedSqliteSchema();
  const found = byKey(await db.all<SqliteObject>(SCHEMA_OBJECTS));
  const faults: SchemaFault[] = [];
  for (const [key, object] of expected) {
    const present = found.get(key);
    const kind = object.type as SchemaObjectKind;
    if (!present) faults.push({ problem: 'missing', kind, name: object.name, table: object.tbl_name });
    else if (normalisedSql(present.sql) !== normalisedSql(object.sql)) faults.push({ problem: 'altered', kind, name: object.name, table: object.tbl_name });
  }
  // A trigger nobody migrated can rewrite what is inserted; an extra table or index cannot.
  for (const [key, object] of found) {
    if (object.type === 'trigger' && !expected.has(key)) faults.push({ problem: 'unexpected', kind: 'trigger', name: object.name, table: object.tbl_name });
  }
  return faults;
}

/**
 * Puts the embedded register's triggers and indexes back as the migrations define them — missing
 * ones created, changed ones re-created, foreign triggers dropped — in one transaction, touching
 * no row. A table whose own definition (columns, constraints) was changed cannot be put back this
 * way: it is returned with whatever else is left, for a restore after IT has compared the copies.
 */
export async function restoreSqliteProtections(db: RegisterDb): Promise<{ restored: SchemaFault[]; left: SchemaFault[] }> {
  const sqlite: SqliteConnection | undefined = db.sqlite;
  if (!sqlite) throw new Error('Only the embedded register is put back this way');
  const faults = await sqliteSchemaFaults(db);
  const expected = expectedSqliteSchema();
  const repairable = faults.filter((fault) => fault.kind === 'trigger' || fault.kind === 'index');
  sqlite
    .transaction(() => {
      for (const fault of repairable) {
        if (fault.problem !== 'missing') sqlite.exec(`DROP ${fault.kind.toUpperCase()} "${fault.name.replaceAll('"', '""')}"`);
        const definition = expected.get(`${fault.kind}:${fault.name}`);
        if (fault.problem !== 'unexpected' && definition) sqlite.exec(definition.sql);
      }
    })
    .immediate();
  return { restored: repairable, left: await sqliteSchemaFaults(db) };
}
