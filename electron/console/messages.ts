import cliPostgresUk from '../../shared/i18n/cli-postgres.uk.js';
import cliPostgresEn from '../../shared/i18n/cli-postgres.en.js';
import consoleUk from '../../shared/i18n/console.uk.js';
import consoleEn from '../../shared/i18n/console.en.js';
import coreUk from '../../shared/i18n/core.uk.js';
import coreEn from '../../shared/i18n/core.en.js';
import customKindsUk from '../../shared/i18n/custom-kinds.uk.js';
import customKindsEn from '../../shared/i18n/custom-kinds.en.js';
import deskHeadUk from '../../shared/i18n/desk-head.uk.js';
import deskHeadEn from '../../shared/i18n/desk-head.en.js';
import directoriesUk from '../../shared/i18n/directories.uk.js';
import directoriesEn from '../../shared/i18n/directories.en.js';
import documentsUk from '../../shared/i18n/documents.uk.js';
import documentsEn from '../../shared/i18n/documents.en.js';
import exchangeUk from '../../shared/i18n/exchange.uk.js';
import exchangeEn from '../../shared/i18n/exchange.en.js';
import issuingUk from '../../shared/i18n/issuing.uk.js';
import issuingEn from '../../shared/i18n/issuing.en.js';
import jobsUk from '../../shared/i18n/jobs.uk.js';
import jobsEn from '../../shared/i18n/jobs.en.js';
import kindDecisionsUk from '../../shared/i18n/kind-decisions.uk.js';
import kindDecisionsEn from '../../shared/i18n/kind-decisions.en.js';
import paperJournalUk from '../../shared/i18n/paper-journal.uk.js';
import paperJournalEn from '../../shared/i18n/paper-journal.en.js';
import postgresUk from '../../shared/i18n/postgres.uk.js';
import postgresEn from '../../shared/i18n/postgres.en.js';
import registerUk from '../../shared/i18n/register.uk.js';
import registerEn from '../../shared/i18n/register.en.js';
import reportsUk from '../../shared/i18n/reports.uk.js';
import reportsEn from '../../shared/i18n/reports.en.js';
import rulesUk from '../../shared/i18n/rules.uk.js';
import rulesEn from '../../shared/i18n/rules.en.js';
import schemaCheckUk from '../../shared/i18n/schema-check.uk.js';
import schemaCheckEn from '../../shared/i18n/schema-check.en.js';
import uiUk from '../../shared/i18n/ui.uk.js';
import uiEn from '../../shared/i18n/ui.en.js';
import { DeskError } from '../../shared/contract/errors.js';

/**
 * What the command line and the bridge print: sentences in the person's language (CNAP_LANG or
 * LANG starting with "en" for English, Ukrainian otherwise), from the same strings the window
 * shows, every area of shared/i18n (a test checks none is left out). A failure is never printed
 * as a message key or a bare system code.
 */

interface Strings {
  readonly [key: string]: string | Strings;
}

export const consoleLanguage: 'uk' | 'en' = /^en/i.test(process.env.CNAP_LANG ?? process.env.LANG ?? '') ? 'en' : 'uk';

const strings = merged(consoleLanguage === 'en' ? [cliPostgresEn, consoleEn, coreEn, customKindsEn, deskHeadEn, directoriesEn, documentsEn, exchangeEn, issuingEn, jobsEn, kindDecisionsEn, paperJournalEn, postgresEn, registerEn, reportsEn, rulesEn, schemaCheckEn, uiEn] : [cliPostgresUk, consoleUk, coreUk, customKindsUk, deskHeadUk, directoriesUk, documentsUk, exchangeUk, issuingUk, jobsUk, kindDecisionsUk, paperJournalUk, postgresUk, registerUk, reportsUk, rulesUk, schemaCheckUk, uiUk]);

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

/** True when `key` names a sentence in the strings. */
export function hasText(key: string): boolean {
  return typeof lookUp(key) === 'string';
}

/** The sentence for `key` with its `{{params}}` filled in; the key itself only if no area has it (a bug the tests catch). */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const found = lookUp(key);
  const template = typeof found === 'string' ? found : key;
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
}

function lookUp(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
}

/** Node's errors from the file system and the network carry a code such as ENOENT and the path. */
interface SystemError {
  readonly code: string;
  readonly path?: string;
  readonly address?: string;
}

function isSystemError(error: unknown): error is SystemError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Any failure as one sentence for the person at the console. */
export function describeFailure(error: unknown): string {
  if (error instanceof DeskError) return t(error.messageKey, error.params ?? {});
  if (isSystemError(error)) {
    const where = error.path ?? error.address ?? '';
    const key = `errors.system.${error.code}`;
    return hasText(key) ? t(key, { path: where }) : t('errors.system.other', { code: error.code, path: where });
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.unexpected', { message });
}
