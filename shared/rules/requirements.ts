import { DeskError } from '../contract/errors.js';
import type { DocumentType, PresentedDocument } from '../domain/documents.js';
import type { Applicant, CaseFacts } from '../domain/entry.js';
import type { HouseholdMember, IsoDate, PersonName } from '../domain/person.js';
import { documentTypeHasNumber } from '../domain/validation/documents.js';
import { isMinorOn } from '../domain/validation/dates.js';
import { findKind, type CustomKind, type GroundItem, type KindDefinition } from './catalogue.js';
import { rulePoint } from './rule-point.js';

/**
 * The required-documents checklist shared by certificates (R7.4) and certifications (R7.6): both
 * lists name the same five documents, numbered 7.4.1–5 and 7.6.1–5 respectively.
 */

export type ItemParams = Record<string, string | number>;

export interface ChecklistItem {
  /** Requirement id; a presented document names it in `requirementId` (e.g. `child_birth:0`). */
  readonly id: string;
  readonly ruleId: string;
  /** `document`: satisfied by a presented document; `check`: a condition the desk verifies. */
  readonly kind: 'document' | 'check';
  readonly labelKey: string;
  readonly params: ItemParams;
  /** Document types accepted for this item (empty for checks). */
  readonly documentTypes: readonly DocumentType[];
  /** The UI asks for series/number: at least one accepted type carries a number. */
  readonly needsSeriesNumber: boolean;
  readonly present: boolean;
}

export interface Verdict {
  readonly issuable: boolean;
  readonly items: readonly ChecklistItem[];
  readonly missing: readonly ChecklistItem[];
}

/** Which list numbers the five common documents: R7.4 (issuing) or R7.6 (certifying). */
export type RuleList = 'R7.4' | 'R7.6';

export type PendingItem = Omit<ChecklistItem, 'present' | 'needsSeriesNumber'>;

export const IDENTITY_DOCUMENTS: readonly DocumentType[] = [
  'passport_book',
  'id_card',
  'residence_permit_temporary',
  'residence_permit_permanent',
];

export function documentItem(
  id: string,
  ruleId: string,
  documentTypes: readonly DocumentType[],
  labelKey = `rules.requirements.${id}`,
  params: ItemParams = {},
): PendingItem {
  return { id, ruleId, kind: 'document', labelKey, params, documentTypes };
}

export function fullName(name: PersonName): string {
  return [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
}

export interface CommonFacts {
  readonly facts: CaseFacts;
  readonly applicant: Applicant;
  /** Housing documents the kinds accept besides the house book / apartment cards. */
  readonly housingAlternatives: readonly DocumentType[];
}

/** R7.4.1/R7.6.1 identity, R7.4.2/R7.6.2 housing records, R7.4.4/R7.6.4 PoA, R7.4.5/R7.6.5 title. */
export function commonItems(list: RuleList, c: CommonFacts): PendingItem[] {
  const housingRecord: DocumentType = c.facts.dwelling === 'private_house' ? 'house_book' : 'apartment_card';
  const items = [
    documentItem('identity', `${list}.1`, IDENTITY_DOCUMENTS),
    documentItem('housing_records', `${list}.2`, [housingRecord, ...c.housingAlternatives], `rules.requirements.housing_records_${c.facts.dwelling}`),
  ];
  if (c.applicant.actsAs === 'representative' || c.facts.actingForOther) {
    items.push(documentItem('power_of_attorney', `${list}.4`, ['power_of_attorney']));
  }
  if (c.facts.titleRequested) items.push(documentItem('title_document', `${list}.5`, ['title_document']));
  return items;
}

/** R7.4.3: a birth certificate for each child (under 18 on `today`, living) in the household. */
export function childItems(household: readonly HouseholdMember[], today: IsoDate): PendingItem[] {
  return household.flatMap((member, index) =>
    member.deathDate === undefined && isMinorOn(member.birthDate, today)
      ? [documentItem(`child_birth:${index}`, 'R7.4.3', ['birth_certificate'], 'rules.requirements.child_birth', { name: fullName(member.name) })]
      : [],
  );
}

function groundApplies(item: GroundItem, facts: CaseFacts): boolean {
  switch (item.when) {
    case 'always':
    case 'per_deceased_member':
      return true;
    case 'private_house':
      return facts.dwelling === 'private_house';
    case 'apartment_building':
      return facts.dwelling === 'apartment_building';
    case 'acting_for_other':
      return facts.actingForOther;
    case 'title_requested':
      return facts.titleRequested;
    case 'guardianship_involved':
      return facts.guardianshipInvolved;
    case 'technical_passport_needed':
      return facts.technicalPassportNeeded === true;
  }
}

function groundLabel(item: GroundItem): { labelKey: string; params: ItemParams } {
  return item.label !== undefined
    ? { labelKey: 'rules.requirements.custom', params: { label: item.label } }
    : { labelKey: item.labelKey ?? `rules.requirements.${item.requirementId}`, params: {} };
}

/**
 * R7.1.3: «свідоцтва про смерть члена сімʼї (за необхідності)» — one per member listed with a date of
 * death; when the facts say a member died but none is listed yet, one item stands for it.
 */
function deceasedMemberItems(item: GroundItem, household: readonly HouseholdMember[], facts: CaseFacts): PendingItem[] {
  const listed = household.flatMap((member, index) =>
    member.deathDate !== undefined
      ? [documentItem(`${item.requirementId}:${index}`, item.ruleId, item.documentTypes, 'rules.requirements.member_death', { name: fullName(member.name) })]
      : [],
  );
  if (listed.length > 0 || !facts.deceasedMember) return listed;
  return [documentItem(item.requirementId, item.ruleId, item.documentTypes, 'rules.requirements.member_death_unnamed')];
}

/** A kind's own grounds (R7.1) that apply to this case. */
export function kindGroundItems(kind: KindDefinition, facts: CaseFacts, household: readonly HouseholdMember[]): PendingItem[] {
  return kind.grounds.flatMap((item) => {
    if (!groundApplies(item, facts)) return [];
    if (item.when === 'per_deceased_member') return deceasedMemberItems(item, household, facts);
    const { labelKey, params } = groundLabel(item);
    return [documentItem(item.requirementId, item.ruleId, item.documentTypes, labelKey, params)];
  });
}

/**
 * R7.2: a combined certificate needs the union of its kinds' items. An item two kinds share (same
 * requirement id) is asked once; the first rule cited is kept, and only documents acceptable to
 * every kind that asks for it are accepted.
 */
export function mergeItems(items: readonly PendingItem[]): PendingItem[] {
  const merged = new Map<string, PendingItem>();
  for (const item of items) {
    const earlier = merged.get(item.id);
    if (!earlier) {
      merged.set(item.id, item);
      continue;
    }
    const shared = earlier.documentTypes.filter((type) => item.documentTypes.includes(type));
    merged.set(item.id, { ...earlier, documentTypes: shared });
  }
  return [...merged.values()];
}

/**
 * An item counts as present only when a document names it, is of an accepted type, and carries
 * its number when that type has one (R7.4: ticked "with series/number where it has one").
 */
export function isSatisfied(item: PendingItem, documents: readonly PresentedDocument[]): boolean {
  return documents.some(
    (doc) =>
      doc.requirementId === item.id &&
      item.documentTypes.includes(doc.type) &&
      (!documentTypeHasNumber(doc.type) || (doc.number ?? '').trim() !== ''),
  );
}

export function withPresence(item: PendingItem, present: boolean): ChecklistItem {
  return { ...item, needsSeriesNumber: item.documentTypes.some(documentTypeHasNumber), present };
}

export function documentVerdictItems(items: readonly PendingItem[], documents: readonly PresentedDocument[]): ChecklistItem[] {
  return items.map((item) => withPresence(item, isSatisfied(item, documents)));
}

export function verdictOf(items: readonly ChecklistItem[]): Verdict {
  const missing = items.filter((item) => !item.present);
  return { issuable: missing.length === 0, items, missing };
}

/** A kind of a request, known and of the expected sort; otherwise a `rule_violation`. */
export function resolveKind(id: string, sort: 'issued' | 'certified', customKinds: readonly CustomKind[]): KindDefinition {
  const kind = findKind(id, customKinds);
  if (!kind) throw new DeskError('rule_violation', 'errors.rules.unknownKind', { kind: id });
  if (kind.sort !== sort) throw new DeskError('rule_violation', 'errors.rules.wrongSort', { kind: id });
  return kind;
}

/** The gate's error: every missing item with its rule, in the shape the forms point at. */
export function checklistError(verdict: Verdict): DeskError {
  return new DeskError(
    'rule_violation',
    'errors.rules.checklistIncomplete',
    { missing: [...new Set(verdict.missing.map((item) => rulePoint(item.ruleId)))].join(', ') },
    verdict.missing.map((item) => ({ path: item.id, messageKey: item.labelKey, params: { ...item.params, ruleId: item.ruleId } })),
  );
}
