import type { RefusalGround } from '../domain/entry.js';
import { findUkText, ukText } from './printed-text.js';
import type { ChecklistItem, Verdict } from './requirements.js';

/**
 * Grounds of a refusal (R7.4, R7.6.1–6, R7.16), in Ukrainian, as the refusal notice prints them
 * and the journal stores them.
 */

export interface RefusalOptions {
  /** R7.16: the applicant asks to confirm a fact no certificate can confirm. */
  factNotConfirmable?: boolean;
  /** Settings: the territorial community register department (R7.4.2, R7.6.2). */
  registerDepartment: string;
}

export interface RefusalDraft {
  grounds: RefusalGround[];
  referral?: string;
}

/** `R7.4.3` → «підпункт 3 пункту 7.4 …»; `R7.16` → «пункт 7.16 …». */
export function rulePointText(ruleId: string): string {
  const [, point, sub] = /^R(7\.\d+)(?:\.(\d+))?$/.exec(ruleId) ?? [];
  if (point === undefined) return ruleId;
  return sub === undefined ? ukText('rules.refusal.point', { point }) : ukText('rules.refusal.rulePoint', { point, sub });
}

function statement(item: ChecklistItem): string {
  if (item.kind === 'document') return ukText('rules.refusal.notPresented', { label: ukText(item.labelKey, item.params) });
  return findUkText(`rules.failures.${item.id}`, item.params) ?? ukText(item.labelKey, item.params);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('uk') + text.slice(1);
}

function ground(ruleId: string, text: string, requirementId?: string): RefusalGround {
  return { ruleId, ...(requirementId !== undefined ? { requirementId } : {}), text: `${capitalise(text)} (${rulePointText(ruleId)}).` };
}

/** Genitives of the words a department's name begins with («Відділ ведення реєстру…» → «Відділу …»). */
const HEAD_NOUN_GENITIVE: Readonly<Record<string, string>> = {
  відділ: 'відділу',
  управління: 'управління',
  сектор: 'сектору',
  служба: 'служби',
  центр: 'центру',
  департамент: 'департаменту',
  комітет: 'комітету',
};

/**
 * «звернутися до Відділу ведення реєстру територіальної громади»: the department's name after «до»
 * in the genitive. Only its first word changes (the rest is already a genitive phrase); a name
 * that starts otherwise is named as a unit in quotes.
 */
export function organisationGenitive(name: string): string {
  const [first = '', ...rest] = name.split(/\s+/);
  const genitive = HEAD_NOUN_GENITIVE[first.toLocaleLowerCase('uk')];
  if (genitive === undefined) return `структурного підрозділу «${name}»`;
  const cased = first.charAt(0) === first.charAt(0).toLocaleUpperCase('uk') ? genitive.charAt(0).toLocaleUpperCase('uk') + genitive.slice(1) : genitive;
  return [cased, ...rest].join(' ');
}

/**
 * The failed items of a verdict as refusal grounds; a missing house book or apartment cards adds
 * the referral to the register department (R7.4.2, R7.6.2); R7.16's wording when asked.
 */
export function refusalGrounds(verdict: Verdict, opts: RefusalOptions): RefusalDraft {
  const grounds = verdict.missing.map((item) => ground(item.ruleId, statement(item), item.id));
  if (opts.factNotConfirmable) grounds.push(ground('R7.16', ukText('rules.refusal.factNotConfirmable')));
  const housingMissing = verdict.missing.some((item) => item.id === 'housing_records');
  return housingMissing
    ? { grounds, referral: ukText('rules.refusal.referral', { department: organisationGenitive(opts.registerDepartment.trim()) }) }
    : { grounds };
}
