import { DeskError } from '../contract/errors.js';
import type { CertificateContent } from '../domain/entry.js';
import type { IsoDate } from '../domain/person.js';
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

/**
 * The main process's gate before issuing: throws `rule_violation` naming every missing item, or
 * the kinship document that does not prove the kinship unless the administrator confirmed it (R7.1.4).
 */
export function assertIssuable(content: CertificateContent, opts: RuleOptions): Verdict {
  const verdict = evaluateCertificate(content, opts);
  if (!verdict.issuable) throw checklistError(verdict);
  const mismatch = kinshipMismatch(content);
  if (mismatch && content.deceased?.kinshipMismatchConfirmed !== true) {
    throw new DeskError('rule_violation', 'errors.issuing.kinshipDocumentMismatch', {
      kinship: mismatch.kinship,
      expected: ukText(`rules.documentTypes.${mismatch.expected}`),
      presented: ukText(`rules.documentTypes.${mismatch.presented}`),
    });
  }
  return verdict;
}
