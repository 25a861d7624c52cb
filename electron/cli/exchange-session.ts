import { readFileSync } from 'node:fs';
import { DeskError } from '../../shared/contract/errors.js';
import en from '../../shared/i18n/exchange.en.js';
import uk from '../../shared/i18n/exchange.uk.js';
import { databaseOptions, EXIT, optionalString, requireString, t as registerText, UsageError, type CliIo, type CliValues } from './command.js';
import type { SessionUser } from '../register/services/session.js';
import { connectRegister } from '../register/connect.js';
import { createRegisterServices, type RegisterServices } from '../register/index.js';
import { createExchangeService, type ExchangeService } from '../exchange/index.js';

type Strings = typeof uk;
const language: 'uk' | 'en' = /^en/i.test(process.env.CNAP_LANG ?? process.env.LANG ?? '') ? 'en' : 'uk';
const strings = (language === 'en' ? en : uk) as unknown as Strings;

/** The exchange's own strings (`cli.exchange.*`, `errors.exchange.*`), falling back to the register's. */
export function tx(key: string, params: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  if (typeof found !== 'string') return registerText(key, params);
  return found.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
}

/** `--database URL` (and `--ca-file`): the register on a PostgreSQL server; `--data-dir` still holds this desk's exchange keys. */
export const userOptions = { 'data-dir': { type: 'string' }, login: { type: 'string' }, ...databaseOptions } as const;

/** The password from CNAP_PASSWORD, or the first line of standard input (typed or piped). */
function readPassword(): string {
  const fromEnv = process.env.CNAP_PASSWORD;
  if (fromEnv) return fromEnv;
  const line = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError(tx('cli.exchange.needsUser'));
  return line;
}

export interface ExchangeSession {
  register: RegisterServices;
  exchange: ExchangeService;
  user: SessionUser;
}

/**
 * Opens the register in `--data-dir` (or on the server of `--database`), logs in as `--login` (the action is audited under that
 * user and the same role checks apply as in the window), runs `work`, and prints refusals in
 * the user's language. Exit 1 on a refusal.
 */
export async function withExchangeSession(values: CliValues, io: CliIo, work: (session: ExchangeSession) => Promise<void>): Promise<number> {
  const dataDir = requireString(values, 'data-dir');
  const login = values.login;
  if (typeof login !== 'string' || !login) throw new UsageError(tx('cli.exchange.needsUser'));
  const database = optionalString(values, 'database');
  const caFile = optionalString(values, 'ca-file');
  const db = await connectRegister({ dataDir, ...(database ? { database } : {}), ...(caFile ? { caFile } : {}) });
  try {
    const register = createRegisterServices({ db, dataDir });
    const signedIn = await register.auth.login('cli', login, readPassword());
    await work({ register, exchange: createExchangeService(register), user: signedIn.user });
    await register.auth.logout('cli');
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    io.err(tx(error.messageKey, error.params ?? {}));
    return EXIT.failed;
  } finally {
    await db.close();
  }
}
