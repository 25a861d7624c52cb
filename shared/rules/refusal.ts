import type { RefusalGround } from '../domain/entry.js';
import { FORM_DATA_CHECK_IDS } from './checklist.js';
import { findUkText, ukText } from './printed-text.js';
import { findRefusalGround, groundsFor, printedGroundText, type ChosenRefusalGround, type RefusalGroundDefinition, type RefusalPath } from './refusal-grounds.js';
import type { ChecklistItem, Verdict } from './requirements.js';

/**
 * A refusal's grounds (R7.4, R7.6, R7.16): proposed from the checklist's unmet items, chosen and
 * worded by the administrator, and printed on the notice in Ukrainian with their points.
 */

export interface RefusalDraft {
  grounds: RefusalGround[];
  referral?: string;
}

/**
 * The ground of the list an unmet item falls under: the same point when the list has it (R7.4.x,
 * R7.6.x, R7.5, R7.8, R7.15); a kind's own document under R7.1 for a certificate; for a
 * certification, a document a decision added under R7.15.
 */
export function groundOfItem(item: ChecklistItem, path: RefusalPath): string | undefined {
  // The form's own data (the household table, the body's certificate, the deceased typed in,
  // R7.1.2–4) are not anything the applicant failed to bring: never a ground to refuse.
  if (item.kind === 'check' && FORM_DATA_CHECK_IDS.has(item.id)) return undefined;
  const allowed = groundsFor(path);
  if (allowed.some((definition) => definition.id === item.ruleId)) return item.ruleId;
  if (item.kind === 'check') return undefined;
  return path === 'certificate' && item.ruleId.startsWith('R7.1.') ? 'R7.1' : 'R7.15';
}

/** Documents the ground's own point already names (R7.4.1, R7.4.4, R7.4.5 and R7.6's): saying them again adds nothing. */
const NAMED_BY_GROUND: ReadonlySet<string> = new Set(['identity', 'power_of_attorney', 'title_document']);

/**
 * What exactly is missing or wrong, in the words a citizen reads: the child whose birth certificate
 * is missing, the house book or the apartment cards, a kind's document, or the failed check.
 */
function itemWords(item: ChecklistItem, ground: RefusalGroundDefinition): string | undefined {
  if (item.kind === 'document') {
    if (ground.id === item.ruleId && NAMED_BY_GROUND.has(item.id)) return undefined;
    return item.labelKey === 'rules.requirements.child_birth' ? String(item.params.name) : ukText(item.labelKey, item.params);
  }
  const words = findUkText(`rules.failures.${item.id}`, item.params) ?? ukText(item.labelKey, item.params);
  return words === ground.wording.uk ? undefined : words;
}

/**
 * The grounds the dialog opens with: each unmet item under its ground, the items of one ground
 * named together («свідоцтво про народження дитини: …; …»), in the list's order.
 */
export function proposedRefusalGrounds(verdict: Verdict, path: RefusalPath): ChosenRefusalGround[] {
  const words = new Map<string, string[]>();
  for (const item of verdict.missing) {
    const definition = findRefusalGround(groundOfItem(item, path) ?? '');
    if (!definition) continue;
    const said = itemWords(item, definition);
    words.set(definition.id, [...(words.get(definition.id) ?? []), ...(said === undefined ? [] : [said])]);
  }
  return groundsFor(path)
    .filter((definition) => words.has(definition.id))
    .map((definition) => ({ ruleId: definition.id, details: [...new Set(words.get(definition.id))].join('; ') }));
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

const HOUSING_GROUNDS: ReadonlySet<string> = new Set(['R7.4.2', 'R7.6.2']);

/**
 * The chosen grounds as the refusal keeps and prints them; a missing house book or apartment cards
 * adds the referral to the register department (R7.4.2, R7.6.2). The grounds must already have
 * passed `refusalGroundProblems`.
 */
export function refusalDraft(chosen: readonly ChosenRefusalGround[], opts: { registerDepartment: string }): RefusalDraft {
  const grounds = chosen.map((choice): RefusalGround => {
    const definition = findRefusalGround(choice.ruleId);
    if (!definition) throw new Error(`Not a refusal ground: ${choice.ruleId}`);
    return { ruleId: definition.id, text: printedGroundText(definition, choice.details) };
  });
  return chosen.some((choice) => HOUSING_GROUNDS.has(choice.ruleId))
    ? { grounds, referral: ukText('rules.refusal.referral', { department: organisationGenitive(opts.registerDepartment.trim()) }) }
    : { grounds };
}
