import type { CertificationContent } from '../domain/entry.js';
import type { BodyHistory } from '../domain/directories.js';
import type { IsoDate, PersonName } from '../domain/person.js';
import { formatPrintedDate, isValidIsoDate } from '../domain/validation/dates.js';
import { nameComparisonKey } from '../domain/validation/names.js';
import type { KindDefinition } from './catalogue.js';
import type { RuleOptions } from './checklist.js';
import {
  checklistError,
  commonItems,
  documentItem,
  documentVerdictItems,
  fullName,
  kindGroundItems,
  mergeItems,
  resolveKind,
  verdictOf,
  withPresence,
  type ChecklistItem,
  type ItemParams,
  type PendingItem,
  type Verdict,
} from './requirements.js';

/**
 * May the administrator certify the signature on a self-organisation body's certificate? R7.5:
 * signed by the head, or by the deputy in the head's absence; dated; sealed when the body is a
 * legal entity with a seal. R7.8: ОСББ certificates signed by the ОСББ head and sealed with its
 * seal. R7.6.1–6: the documents and the data match.
 */

export type CertificationCase = Pick<
  CertificationContent,
  | 'kind'
  | 'body'
  | 'certificateDate'
  | 'signer'
  | 'sealPresent'
  | 'applicant'
  | 'dataMatch'
  | 'facts'
  | 'documents'
  | 'childrenMentioned'
>;

/** Who held the posts of a body and when: the directory's view (shared/domain/directories.ts). */
export type { BodyHistory };
type BodyPost = BodyHistory['posts'][number];

function holdsPostOn(post: BodyPost, date: IsoDate): boolean {
  return post.from <= date && (post.to === undefined || date <= post.to);
}

function sameName(a: PersonName, b: PersonName): boolean {
  return (
    nameComparisonKey(a.familyName) === nameComparisonKey(b.familyName) &&
    nameComparisonKey(a.givenName) === nameComparisonKey(b.givenName) &&
    nameComparisonKey(a.patronymic ?? '') === nameComparisonKey(b.patronymic ?? '')
  );
}

function postHoldersOn(history: BodyHistory, role: BodyPost['role'], date: IsoDate): BodyPost[] {
  return history.posts.filter((post) => post.role === role && holdsPostOn(post, date));
}

function checkItem(id: string, ruleId: string, present: boolean, labelKey = `rules.checks.${id}`, params: ItemParams = {}): ChecklistItem {
  const pending: PendingItem = { id, ruleId, kind: 'check', labelKey, params, documentTypes: [] };
  return withPresence(pending, present);
}

type SignerOutcome = { ok: boolean; labelKey: string; params: ItemParams };

/** R7.5 (committees) / R7.8 (ОСББ): the signer held the post on the certificate's date. */
function signerOutcome(c: CertificationCase, history: BodyHistory): SignerOutcome {
  const date = c.certificateDate;
  const params: ItemParams = { name: fullName(c.signer.name), date: isValidIsoDate(date) ? formatPrintedDate(date) : date };
  const heads = postHoldersOn(history, 'head', date);
  if (c.signer.role === 'head') {
    const ok = heads.some((post) => sameName(post.name, c.signer.name));
    return { ok, labelKey: ok ? 'rules.checks.signer_head' : 'rules.checks.signer_not_head', params };
  }
  // R7.8 names only the ОСББ head as signatory.
  if (history.type === 'osbb') return { ok: false, labelKey: 'rules.checks.signer_osbb_head_only', params };
  if (!postHoldersOn(history, 'deputy', date).some((post) => sameName(post.name, c.signer.name))) {
    return { ok: false, labelKey: 'rules.checks.signer_not_deputy', params };
  }
  return deputyAbsenceOutcome(c, heads, params);
}

/** R7.5: «за його відсутності» — the deputy signs only when the head's absence is recorded. */
function deputyAbsenceOutcome(c: CertificationCase, heads: readonly BodyPost[], params: ItemParams): SignerOutcome {
  switch (c.signer.headAbsence) {
    case 'not_applicable':
      return { ok: false, labelKey: 'rules.checks.head_absence_not_recorded', params };
    case 'post_vacant': {
      const head = heads[0];
      return head
        ? { ok: false, labelKey: 'rules.checks.head_post_not_vacant', params: { ...params, head: fullName(head.name) } }
        : { ok: true, labelKey: 'rules.checks.signer_deputy_vacant', params };
    }
    case 'confirmed_by_administrator':
      return { ok: true, labelKey: 'rules.checks.signer_deputy_confirmed', params };
  }
}

function issuerRule(kind: KindDefinition): string {
  return kind.issuer === 'osbb' ? 'R7.8' : 'R7.5';
}

function certificationChecks(kind: KindDefinition, c: CertificationCase, history: BodyHistory, today: IsoDate): ChecklistItem[] {
  const rule = issuerRule(kind);
  const dated = isValidIsoDate(c.certificateDate) && c.certificateDate <= today;
  const signer = signerOutcome(c, history);
  const items = [
    checkItem('body_type', rule, history.type === kind.issuer && c.body.type === history.type, `rules.checks.body_type_${kind.issuer ?? 'committee'}`),
    checkItem('certificate_date', 'R7.5', dated),
    checkItem('signer', rule, signer.ok, signer.labelKey, signer.params),
  ];
  // R7.5: a seal when the body is a legal entity with its own seal; R7.8: the ОСББ seal always.
  const sealRequired = history.type === 'osbb' || (history.legalEntity && history.hasSeal);
  if (sealRequired) items.push(checkItem('seal', rule, c.sealPresent));
  items.push(checkItem('data_match', 'R7.6.6', c.dataMatch));
  return items;
}

/** R7.6.3: a birth certificate for each child the certificate mentions. */
function mentionedChildItems(count: number): PendingItem[] {
  return Array.from({ length: count }, (_, index) =>
    documentItem(`child_birth:${index}`, 'R7.6.3', ['birth_certificate'], 'rules.requirements.child_birth_numbered', { number: index + 1 }),
  );
}

/** The checklist of a certification (R7.5, R7.6, R7.8, R7.9) and whether it may be certified. */
export function evaluateCertification(c: CertificationCase, body: BodyHistory, opts: RuleOptions): Verdict {
  const kind = resolveKind(c.kind, 'certified', opts.customKinds ?? []);
  const pending = mergeItems([
    ...commonItems('R7.6', { facts: c.facts, applicant: c.applicant, housingAlternatives: [] }),
    ...mentionedChildItems(c.childrenMentioned ?? 0),
    ...kindGroundItems(kind, c.facts, []),
  ]);
  return verdictOf([...documentVerdictItems(pending, c.documents), ...certificationChecks(kind, c, body, opts.today)]);
}

/** The main process's gate before certifying: throws `rule_violation` naming every failed item. */
export function assertCertifiable(content: CertificationContent, body: BodyHistory, opts: RuleOptions): Verdict {
  const verdict = evaluateCertification(content, body, opts);
  if (!verdict.issuable) throw checklistError(verdict);
  return verdict;
}
