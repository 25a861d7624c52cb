import type { SchemaFault } from '../schema-check.js';
import type { Sql } from '../sql.js';
import { postgresMigrations } from './migrations/index.js';

/**
 * The register's protections on PostgreSQL, read from the migrations' own text (they cannot be
 * applied to a scratch schema by the application role): each trigger with its table, timing,
 * events and function; each trigger function's body (PostgreSQL keeps it verbatim in `prosrc`,
 * so a function replaced by one that lets everything through is seen); each index; and the
 * UNIQUE and PRIMARY KEY constraints of every table — then compared with the server's catalogue.
 */
interface ExpectedTrigger {
  name: string;
  table: string;
  /** pg_trigger.tgtype: row/statement, timing and events as bits. */
  type: number;
  fn: string;
}

interface ExpectedIndex {
  name: string;
  table: string;
  unique: boolean;
}

interface ExpectedUnique {
  table: string;
  columns: string[];
}

interface ExpectedSchema {
  triggers: Map<string, ExpectedTrigger>;
  functions: Map<string, string>;
  indexes: Map<string, ExpectedIndex>;
  uniques: ExpectedUnique[];
}

// pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h).
const TYPE_ROW = 1 << 0;
const TYPE_BEFORE = 1 << 1;
const TYPE_INSTEAD = 1 << 6;
const EVENT_BITS: Record<string, number> = { INSERT: 1 << 2, DELETE: 1 << 3, UPDATE: 1 << 4, TRUNCATE: 1 << 5 };

const STATEMENTS = new RegExp(
  [
    String.raw`CREATE\s+TRIGGER\s+(?<trigger>\w+)\s+(?<timing>BEFORE|AFTER|INSTEAD\s+OF)\s+(?<events>[\s\S]+?)\s+ON\s+(?<triggerTable>\w+)\s+(?:REFERENCING\s+(?:(?:NEW|OLD)\s+TABLE\s+AS\s+\w+\s+)+)?(?:FOR\s+EACH\s+(?<level>ROW|STATEMENT)\s+)?(?:WHEN\s+\([\s\S]*?\)\s+)?EXECUTE\s+(?:FUNCTION|PROCEDURE)\s+(?<fn>\w+)\s*\(`,
    String.raw`DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?(?<droppedTrigger>\w+)\s+ON\s+\w+`,
    String.raw`CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(?<function>\w+)\s*\([^)]*\)[\s\S]*?\bAS\s+\$(?<tag>\w*)\$(?<body>[\s\S]*?)\$\k<tag>\$`,
    String.raw`CREATE\s+(?<unique>UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<index>\w+)\s+ON\s+(?<indexTable>\w+)`,
    String.raw`DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?(?<droppedIndex>\w+)`,
    String.raw`CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<table>\w+)\s*\(`,
  ].join('|'),
  'gi',
);

let expected: ExpectedSchema | undefined;

function expectedPostgresSchema(): ExpectedSchema {
  if (expected) return expected;
  const schema: ExpectedSchema = { triggers: new Map(), functions: new Map(), indexes: new Map(), uniques: [] };
  for (const { sql } of postgresMigrations) {
    for (const match of sql.matchAll(STATEMENTS)) readStatement(schema, sql, match);
  }
  expected = schema;
  return schema;
}

function readStatement(schema: ExpectedSchema, sql: string, match: RegExpMatchArray): void {
  const g = match.groups ?? {};
  if (g.trigger && g.timing && g.events && g.triggerTable && g.fn) {
    schema.triggers.set(g.trigger, { name: g.trigger, table: g.triggerTable, type: triggerType(g.timing, g.events, g.level), fn: g.fn });
  } else if (g.droppedTrigger) {
    schema.triggers.delete(g.droppedTrigger);
  } else if (g.function && g.body !== undefined) {
    schema.functions.set(g.function, g.body);
  } else if (g.index && g.indexTable) {
    schema.indexes.set(g.index, { name: g.index, table: g.indexTable, unique: Boolean(g.unique) });
  } else if (g.droppedIndex) {
    schema.indexes.delete(g.droppedIndex);
  } else if (g.table) {
    schema.uniques.push(...tableUniques(g.table, tableBody(sql, (match.index ?? 0) + match[0].length)));
  }
}

function triggerType(timing: string, events: string, level: string | undefined): number {
  let type = level?.toUpperCase() === 'ROW' ? TYPE_ROW : 0;
  const when = timing.toUpperCase().replace(/\s+/g, ' ');
  if (when === 'BEFORE') type |= TYPE_BEFORE;
  if (when === 'INSTEAD OF') type |= TYPE_INSTEAD;
  // `UPDATE OF col, …` names columns after the event; only the event words count.
  for (const event of events.toUpperCase().match(/\b(INSERT|DELETE|UPDATE|TRUNCATE)\b/g) ?? []) type |= EVENT_BITS[event] ?? 0;
  return type;
}

/** The text between a CREATE TABLE's opening parenthesis (just before `from`) and its match. */
function tableBody(sql: string, from: number): string {
  let depth = 1;
  for (let i = from; i < sql.length; i += 1) {
    if (sql[i] === '(') depth += 1;
    if (sql[i] === ')') depth -= 1;
    if (depth === 0) return sql.slice(from, i);
  }
  return sql.slice(from);
}

/** Top-level items of a table body, split at commas outside parentheses. */
function tableItems(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    if (body[i] === '(') depth += 1;
    if (body[i] === ')') depth -= 1;
    if (body[i] === ',' && depth === 0) {
      items.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(body.slice(start).trim());
  return items.filter(Boolean);
}

/** PRIMARY KEY and UNIQUE of a table, as column lists: `UNIQUE (a, b)`, or a column's own `UNIQUE`. */
function tableUniques(table: string, body: string): ExpectedUnique[] {
  const uniques: ExpectedUnique[] = [];
  for (const item of tableItems(body)) {
    const listed = /^(?:CONSTRAINT\s+\w+\s+)?(?:PRIMARY\s+KEY|UNIQUE)\s*\(([^)]*)\)/i.exec(item);
    if (listed?.[1]) {
      uniques.push({ table, columns: listed[1].split(',').map((column) => column.trim()) });
      continue;
    }
    const column = /^(\w+)\s/.exec(item)?.[1];
    if (column && !/^(CHECK|FOREIGN|CONSTRAINT|EXCLUDE)$/i.test(column) && /\b(PRIMARY\s+KEY|UNIQUE)\b/i.test(item)) {
      uniques.push({ table, columns: [column] });
    }
  }
  return uniques;
}

interface FoundTrigger {
  name: string;
  table: string;
  type: number;
  enabled: string;
  fn: string;
}

interface FoundIndex {
  name: string;
  table: string;
  unique: boolean;
  valid: boolean;
  partial: boolean;
  columns: string;
}

const TRIGGERS = `SELECT t.tgname AS name, c.relname AS "table", t.tgtype::int AS type, t.tgenabled::text AS enabled, p.proname AS fn
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
  WHERE NOT t.tgisinternal AND n.nspname = current_schema()`;

const FUNCTIONS = `SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()`;

const INDEXES = `SELECT i.relname AS name, c.relname AS "table", x.indisunique AS "unique", x.indisvalid AS valid, x.indpred IS NOT NULL AS partial,
    array_to_string(ARRAY(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.ord), ',') AS columns
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema()`;

export async function postgresSchemaFaults(db: Pick<Sql, 'all'>): Promise<SchemaFault[]> {
  const schema = expectedPostgresSchema();
  const triggers = new Map((await db.all<FoundTrigger>(TRIGGERS)).map((row) => [row.name, row]));
  const functions = new Map((await db.all<{ name: string; body: string }>(FUNCTIONS)).map((row) => [row.name, row.body]));
  const indexes = await db.all<FoundIndex>(INDEXES);
  return [...triggerFaults(schema, triggers), ...functionFaults(schema, functions), ...indexFaults(schema, indexes)];
}

function triggerFaults(schema: ExpectedSchema, found: ReadonlyMap<string, FoundTrigger>): SchemaFault[] {
  const faults: SchemaFault[] = [];
  for (const trigger of schema.triggers.values()) {
    const present = found.get(trigger.name);
    const fault = (problem: SchemaFault['problem']) => faults.push({ problem, kind: 'trigger', name: trigger.name, table: trigger.table });
    if (!present || present.table !== trigger.table) fault('missing');
    else if (present.type !== trigger.type || present.fn !== trigger.fn) fault('altered');
    // 'O' fires in every session, 'A' always; 'D' is disabled and 'R' fires only for replication.
    else if (present.enabled !== 'O' && present.enabled !== 'A') fault('disabled');
  }
  for (const present of found.values()) {
    if (!schema.triggers.has(present.name)) faults.push({ problem: 'unexpected', kind: 'trigger', name: present.name, table: present.table });
  }
  return faults;
}

function functionFaults(schema: ExpectedSchema, found: ReadonlyMap<string, string>): SchemaFault[] {
  const faults: SchemaFault[] = [];
  for (const [name, body] of schema.functions) {
    const present = found.get(name);
    if (present === undefined) faults.push({ problem: 'missing', kind: 'function', name, table: name });
    else if (present !== body) faults.push({ problem: 'altered', kind: 'function', name, table: name });
  }
  return faults;
}

function indexFaults(schema: ExpectedSchema, found: readonly FoundIndex[]): SchemaFault[] {
  const faults: SchemaFault[] = [];
  const byName = new Map(found.map((index) => [index.name, index]));
  for (const index of schema.indexes.values()) {
    const present = byName.get(index.name);
    if (!present || present.table !== index.table) faults.push({ problem: 'missing', kind: 'index', name: index.name, table: index.table });
    else if (present.unique !== index.unique || !present.valid) faults.push({ problem: 'altered', kind: 'index', name: index.name, table: index.table });
  }
  for (const unique of schema.uniques) {
    const wanted = [...unique.columns].sort().join(',');
    const backed = found.some(
      (index) => index.table === unique.table && index.unique && index.valid && !index.partial && index.columns.split(',').sort().join(',') === wanted,
    );
    if (!backed) faults.push({ problem: 'missing', kind: 'constraint', name: `UNIQUE (${unique.columns.join(', ')})`, table: unique.table });
  }
  return faults;
}
