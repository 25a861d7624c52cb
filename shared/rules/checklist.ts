import { DeskError } from '../contract/errors.js';
import type { CertificateContent } from '../domain/entry.js';
import type { DeclinedName, IsoDate } from '../domain/person.js';
import { birthDateSchema } from '../domain/validation/dates.js';
import type { CustomKind, KindDefinition } from './catalogue.js';
import { kindNeeds, type KindNeed } from './kinds/define.js';
import { expectedKinshipDocument, kinshipMismatch } from './kinship.js';
import { ukText } from './printed-text.js';
import {
  checklistError,
  childItems,
  commonItems,
  documentVerdictItems,
  kindGroundItems,
  mergeItems,
  resolveKind,
  verdictOf,
  withPresence,
  type ChecklistItem,
  type PendingItem,
  type Verdict,
} from './requirements.js';

/**
 * Can this certificate be issued? The renderer shows the live verdict while the administrator
 * ticks documents; the main process calls `assertIssuable` before anything is written, so a
 * bypassed renderer changes nothing (R7.4).
 */

export type CertificateCase = Pick<
  CertificateContent,
  'kinds' | 'facts' | 'household' | 'applicant' | 'deceased' | 'bodyCertificate' | 'documents'
>;

export interface RuleOptions {
  today: IsoDate;
  customKinds?: readonly CustomKind[];
}

/** Kinds accept the housing organisation's certificate only if every combined kind does (R7.2). */
function sharedHousingAlternatives(kinds: readonly KindDefinition[]) {
  const [first, ...rest] = kinds;
  return (first?.housingAlternatives ?? []).filter((type) => rest.every((kind) => kind.housingAlternatives.includes(type)));
}

function check(id: string, ruleId: string, present: boolean): ChecklistItem {
  const pending: PendingItem = { id, ruleId, kind: 'check', labelKey: `rules.checks.${id}`, params: {}, documentTypes: [] };
  return withPresence(pending, present);
}

/** The checklist line that checks each need (its label is `rules.checks.<id>`). */
const NEED_CHECKS: Record<KindNeed, string> = {
  household: 'household_listed',
  bodyCertificate: 'body_certificate_details',
  deceased: 'deceased_details',
};

/** Checks of the form's own data (what the administrator typed), not of what the applicant brought. */
export const FORM_DATA_CHECK_IDS: ReadonlySet<string> = new Set(Object.values(NEED_CHECKS));

/**
 * Data the printed certificate cannot do without, by the kind's own rule: the household table
 * (R7.1.2, R7.1.3), the self-organisation body's certificate it cites (R7.1.3), the deceased and
 * the kinship (R7.1.4).
 */
function dataChecks(kinds: readonly KindDefinition[], c: CertificateCase): ChecklistItem[] {
  const present: Record<KindNeed, boolean> = {
    household: c.household.length > 0,
    bodyCertificate: c.bodyCertificate !== undefined,
    deceased: c.deceased !== undefined,
  };
  return kindNeeds.flatMap((need) => {
    const kind = kinds.find((candidate) => candidate.needs.includes(need));
    return kind ? [check(NEED_CHECKS[need], kind.rule, present[need])] : [];
  });
}

/** R7.1.4: the kinship document the kinship calls for is offered first (a wife's marriage certificate). */
function expectedFirst(item: PendingItem, kinship: string | undefined): PendingItem {
  const expected = kinship ? expectedKinshipDocument(kinship) : undefined;
  if (!expected || !item.documentTypes.includes(expected)) return item;
  return { ...item, documentTypes: [expected, ...item.documentTypes.filter((type) => type !== expected)] };
}

/** The checklist of a certificate (R7.1, R7.2, R7.4) and whether it may be issued. */
export function evaluateCertificate(c: CertificateCase, opts: RuleOptions): Verdict {
  const kinds = c.kinds.map((id) => resolveKind(id, 'issued', opts.customKinds ?? []));
  const pending = mergeItems([
    ...commonItems('R7.4', { facts: c.facts, applicant: c.applicant, housingAlternatives: sharedHousingAlternatives(kinds) }),
    ...childItems(c.household, opts.today),
    ...kinds.flatMap((kind) => kindGroundItems(kind, c.facts, c.household)),
  ]).map((item) => (item.id === 'kinship_document' ? expectedFirst(item, c.deceased?.kinship) : item));
  return verdictOf([...documentVerdictItems(pending, c.documents), ...dataChecks(kinds, c)]);
}

/** What the gate judges: the case, and the person the certificate names with the forms of the name. */
export type IssueCase = CertificateCase & Pick<CertificateContent, 'subject'>;

/** Whether a certificate may be issued, and every reason main would refuse it, in the order main checks them. */
export interface IssueJudgement {
  readonly verdict: Verdict;
  readonly obstacles: readonly DeskError[];
}

/** A date of birth in the future or beyond a human age is refused before any rule runs. */
export function birthDateObstacle(dates: readonly (string | undefined)[], today: IsoDate): DeskError | undefined {
  const schema = birthDateSchema(today);
  for (const [index, date] of dates.entries()) {
    if (date === undefined) continue;
    const result = schema.safeParse(date);
    if (result.success) continue;
    const messageKey = result.error.issues[0]?.message ?? 'validation.birthDate.invalid';
    return new DeskError('invalid_input', 'errors.invalid_input', undefined, [{ path: `birthDate.${index}`, messageKey }]);
  }
  return undefined;
}

/**
 * The forms of a name are declined for a gender, and the printed words follow it («він» or «вона»):
 * a name that does not tell it («Бойко Саша») needs the administrator's choice, unless the forms
 * were typed by hand.
 */
export function declensionObstacle(declined: DeclinedName): DeskError | undefined {
  return declined.corrected || declined.gender !== undefined ? undefined : new DeskError('invalid_input', 'errors.issuing.declensionNeedsReview');
}

/**
 * R7.1.4: a kinship document that does not prove the kinship is issued only when the administrator
 * confirmed it.
 */
function kinshipObstacle(c: IssueCase): DeskError | undefined {
  const mismatch = kinshipMismatch(c);
  if (!mismatch || c.deceased?.kinshipMismatchConfirmed === true) return undefined;
  return new DeskError('rule_violation', 'errors.issuing.kinshipDocumentMismatch', {
    kinship: mismatch.kinship,
    expected: ukText(`rules.documentTypes.${mismatch.expected}`),
    presented: ukText(`rules.documentTypes.${mismatch.presented}`),
  });
}

/**
 * One judgement for both sides: the form's «Видати» asks it of the case as typed, and main's gate
 * of the content it is about to write, so the form never promises what main then refuses.
 */
export function judgeIssue(c: IssueCase, opts: RuleOptions): IssueJudgement {
  const verdict = evaluateCertificate(c, opts);
  const obstacles = [
    birthDateObstacle([c.subject.birthDate, ...c.household.map((member) => member.birthDate)], opts.today),
    declensionObstacle(c.subject.declined),
    verdict.issuable ? undefined : checklistError(verdict),
    kinshipObstacle(c),
  ].filter((obstacle): obstacle is DeskError => obstacle !== undefined);
  return { verdict, obstacles };
}

/**
 * The main process's gate before issuing: throws the first reason `judgeIssue` finds — a missing
 * item (naming every one), the name's gender, the kinship document unless confirmed (R7.4, R7.1.4).
 */
export function assertIssuable(content: CertificateContent, opts: RuleOptions): Verdict {
  const { verdict, obstacles } = judgeIssue(content, opts);
  const [first] = obstacles;
  if (first) throw first;
  return verdict;
}
