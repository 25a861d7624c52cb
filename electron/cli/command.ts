import type { ParseArgsConfig } from 'node:util';
import registerUk from '../../shared/i18n/register.uk.js';
import registerEn from '../../shared/i18n/register.en.js';
import postgresUk from '../../shared/i18n/postgres.uk.js';
import postgresEn from '../../shared/i18n/postgres.en.js';
import cliPostgresUk from '../../shared/i18n/cli-postgres.uk.js';
import cliPostgresEn from '../../shared/i18n/cli-postgres.en.js';
import schemaCheckUk from '../../shared/i18n/schema-check.uk.js';
import schemaCheckEn from '../../shared/i18n/schema-check.en.js';

/** Where a command writes: the real streams in `main.ts`, arrays in tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Record<string, string | boolean | undefined>;

/**
 * One subcommand of `npm run cli -- <name>`. To add a command, write a module exporting one of
 * these and append it to `commands/index.ts`; `--help` and argument parsing come for free.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list (already translated). */
  readonly summary: string;
  /** Usage lines shown by `--help`, e.g. `verify --data-dir DIR`. */
  readonly usage: readonly string[];
  readonly options: CliOptions;
  run(values: CliValues, io: CliIo): Promise<number>;
}

/** Exit codes: 0 sound / done, 1 the register is damaged or the action failed, 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

interface Strings {
  readonly [key: string]: string | Strings;
}

/** Nested fragments merged key by key (each area owns its own keys, as in the renderer). */
function merged(fragments: readonly Strings[]): Strings {
  const result: Record<string, string | Strings> = {};
  for (const fragment of fragments) {
    for (const [key, value] of Object.entries(fragment)) {
      const existing = result[key];
      result[key] = typeof value === 'string' || existing === undefined || typeof existing === 'string' ? value : merged([existing, value]);
    }
  }
  return result;
}

const language: 'uk' | 'en' = /^en/i.test(process.env.CNAP_LANG ?? process.env.LANG ?? '') ? 'en' : 'uk';
const strings =
  language === 'en'
    ? merged([registerEn, postgresEn, cliPostgresEn, schemaCheckEn])
    : merged([registerUk, postgresUk, cliPostgresUk, schemaCheckUk]);

/** Looks up `cli.*` or `errors.*` in the register's and the server's strings and fills `{{params}}`. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  const template = typeof found === 'string' ? found : key;
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
}

export const dataDirOption: CliOptions = { 'data-dir': { type: 'string' } };

/** A register on a PostgreSQL server (issue 11): its address and the council's CA file. */
export const databaseOptions: CliOptions = { database: { type: 'string' }, 'ca-file': { type: 'string' } };

export function optionalString(values: CliValues, option: string): string | undefined {
  const value = values[option];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function requireString(values: CliValues, option: string): string {
  const value = values[option];
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(t('cli.missingOption', { option }));
  return value;
}

export class UsageError extends Error {}
