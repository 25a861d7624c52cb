import type { ParseArgsConfig } from 'node:util';
import { t } from '../console/messages.js';

export { t };

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

export const dataDirOption: CliOptions = { 'data-dir': { type: 'string' } };

/** A register on a PostgreSQL server (several workstations): its address and the council's CA file. */
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
