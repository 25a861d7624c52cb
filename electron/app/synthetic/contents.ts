import type { DocumentType, PresentedDocument } from '../../../shared/domain/documents.js';
import type { BodyHistory } from '../../../shared/domain/directories.js';
import type {
  Applicant,
  CaseFacts,
  CertificateContent,
  CertificationContent,
  EntryContent,
  RefusalContent,
  SignatorySnapshot,
} from '../../../shared/domain/entry.js';
import type { Address, HouseholdMember, PersonName } from '../../../shared/domain/person.js';
import { normalizeApostrophes } from '../../../shared/domain/text.js';
import { isMinorOn } from '../../../shared/domain/validation/dates.js';
import { catalogue } from '../../../shared/rules/catalogue.js';
import { assertCertifiable, evaluateCertification } from '../../../shared/rules/certification.js';
import { assertIssuable, evaluateCertificate } from '../../../shared/rules/checklist.js';
import { proposedRefusalGrounds, refusalDraft } from '../../../shared/rules/refusal.js';
import type { ChecklistItem, Verdict } from '../../../shared/rules/requirements.js';
import type { NameDeclension } from './declension.js';
import { membersOn, strangerName, type Household, type Person } from './people.js';
import type { Random } from './random.js';

/**
 * Contents of synthetic entries that pass the desk's own rules: the documents are whatever the
 * checklist of the case asks for (R7.4, R7.6), so a rule change changes the generated documents
 * too, and every entry is written through the same gate the issuing service uses.
 */

export interface SyntheticBody {
  readonly id: string;
  readonly history: BodyHistory;
}

export interface ContentContext {
  readonly declension: NameDeclension;
  /** Settings' register department, named in refusals' referrals (R7.4.2). */
  readonly registerDepartment: string;
  readonly bodies: readonly SyntheticBody[];
}

/**
 * Which of the rules' gates an entry passes before it is written, as data: entries are planned
 * on another thread and a function does not cross to the thread that writes them.
 */
export type EntryRule =
  | { readonly sort: 'certificate'; readonly today: string }
  | { readonly sort: 'certification'; readonly bodyId: string; readonly today: string }
  | { readonly sort: 'refusal' };

export interface PlannedEntry {
  readonly content: EntryContent;
  /** The gate to pass (`gateOf`), exactly as the issuing service passes it to `appendEntry`. */
  readonly rule: EntryRule;
  /** Whom a handover names: the subject or the representative. */
  readonly recipient: { receivedBy: 'subject' | 'representative'; name: string };
}

const PURPOSES = [
  "для пред'явлення за місцем вимоги",
  'для оформлення житлової субсидії',
  'для оформлення пенсії',
  'для подання до управління соціального захисту населення',
  'для вступу до закладу освіти',
  'для подання до нотаріальної контори',
].map(normalizeApostrophes);

const COMMITTEE_KINDS = catalogue.filter((kind) => kind.sort === 'certified' && kind.issuer === 'committee').map((kind) => kind.id);

const CYRILLIC_SERIES = ['АА', 'ВК', 'КВ', 'МЕ', 'НС', 'СН', 'ТТ', 'ЕЮ', 'КЕ', 'МК'];
const CIVIL_SERIES = ['І-СМ', 'І-БП', 'І-ЖС', 'ІІ-СМ', 'І-КИ', 'І-ФП'];

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function identityDocument(random: Random, date: string): Omit<PresentedDocument, 'requirementId'> {
  // ID cards are issued since 2016; older registers show passport books only.
  if (date >= '2016-04-01' && random.chance(0.55)) return { type: 'id_card', number: random.digits(9) };
  return { type: 'passport_book', series: random.pick(CYRILLIC_SERIES), number: random.digits(6) };
}

function documentOf(type: DocumentType, random: Random): Omit<PresentedDocument, 'requirementId'> {
  switch (type) {
    case 'birth_certificate':
    case 'marriage_certificate':
    case 'death_certificate':
      return { type, series: random.pick(CIVIL_SERIES), number: random.digits(6) };
    case 'power_of_attorney':
      return { type, number: `${random.int(100, 9999)}`, note: 'посвідчена нотаріально' };
    case 'committee_certificate':
      return { type, number: `${random.int(1, 400)}` };
    default:
      return { type };
  }
}

/** A presented document for every document item of the checklist that is still missing. */
function presentMissing(verdict: Verdict, random: Random, date: string): PresentedDocument[] {
  return verdict.missing
    .filter((item: ChecklistItem) => item.kind === 'document')
    .map((item) => {
      const type = item.documentTypes[0];
      if (type === undefined) throw new Error(`No document type accepted for ${item.id}`);
      const document = item.id === 'identity' ? identityDocument(random, date) : documentOf(type, random);
      return { requirementId: item.id, ...document };
    });
}

function addressOf(household: Household): Address {
  const { settlement, street, house, apartment } = household.home;
  return { settlement, street, house, ...(apartment ? { apartment } : {}) };
}

function facts(household: Household, extra: Partial<CaseFacts> = {}): CaseFacts {
  return {
    dwelling: household.home.dwelling,
    actingForOther: false,
    titleRequested: false,
    guardianshipInvolved: false,
    deceasedMember: false,
    ...extra,
  };
}

function applicantFor(random: Random): Applicant {
  return random.chance(0.05) ? { actsAs: 'representative', name: strangerName(random) } : { actsAs: 'self' };
}

function recipientOf(subject: PersonName, applicant: Applicant, random: Random): PlannedEntry['recipient'] {
  const full = (name: PersonName) => [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
  if (applicant.actsAs === 'representative') return { receivedBy: 'representative', name: full(applicant.name) };
  return random.chance(0.06) ? { receivedBy: 'representative', name: full(strangerName(random)) } : { receivedBy: 'subject', name: full(subject) };
}

/** Registered at the address some time after coming of age; at birth when that is still ahead. */
function registeredOn(birthDate: string, date: string, random: Random): string {
  const adult = addDays(birthDate, 18 * 365 + random.int(0, 8000));
  return adult < date ? adult : birthDate;
}

type CertificateCase = Omit<CertificateContent, 'documents' | 'signatory' | 'templateVersions' | 'sort'>;

/** A certificate case for the householder, with the facts that decide its checklist. */
function certificateCase(ctx: ContentContext, random: Random, household: Household, date: string): CertificateCase {
  const head = household.members[0] as Person;
  const kinds = random.weighted<readonly string[]>([
    [['registration'], 35],
    [['family'], 30],
    [['registration', 'family'], 12],
    [['actual_residence_family'], 17],
    [['breadwinner_cohabitation'], 6],
  ]);
  const applicant = applicantFor(random);
  const members = membersOn(household, date);
  const base = {
    kinds: [...kinds],
    purpose: random.pick(PURPOSES),
    subject: {
      name: head.name,
      birthDate: head.birthDate,
      registeredOn: registeredOn(head.birthDate, date, random),
      declined: ctx.declension.declined(head.name, head.gender),
    },
    address: addressOf(household),
    applicant,
  };
  const common = {
    actingForOther: applicant.actsAs === 'representative',
    titleRequested: random.chance(0.03),
  };
  if (kinds.includes('breadwinner_cohabitation')) return breadwinnerCase(ctx, random, household, date, base, common);
  const withHousehold = kinds.some((kind) => kind !== 'registration') || random.chance(0.5);
  const listed = withHousehold ? members : [];
  const deceased = kinds.includes('actual_residence_family') ? deceasedMember(listed, date, random) : listed;
  const committees = ctx.bodies.filter((candidate) => candidate.history.type === 'committee');
  const body = committees.length > 0 ? random.pick(committees) : undefined;
  return {
    ...base,
    household: deceased,
    ...(kinds.includes('actual_residence_family') && body
      ? { bodyCertificate: { bodyName: body.history.name, date: addDays(date, -random.int(1, 20)), number: `${random.int(1, 300)}` } }
      : {}),
    facts: facts(household, {
      ...common,
      deceasedMember: deceased.some((member) => member.deathDate !== undefined),
      guardianshipInvolved: kinds.includes('family') && random.chance(0.01),
      ...(kinds.includes('registration') && household.home.dwelling === 'private_house' && random.chance(0.05) ? { technicalPassportNeeded: true } : {}),
    }),
  };
}

/** R7.1.3: now and then a parent listed in the household has died (with the death certificate). */
function deceasedMember(members: HouseholdMember[], date: string, random: Random): HouseholdMember[] {
  return members.map((member) =>
    (member.relation === 'father' || member.relation === 'mother') && random.chance(0.3)
      ? { ...member, deathDate: addDays(date, -random.int(30, 2000)) }
      : member,
  ).filter((member) => member.deathDate === undefined || member.deathDate > member.birthDate);
}

/** R7.1.4: the spouse (or a parent) died; the survivor asks to confirm living together. */
function breadwinnerCase(
  ctx: ContentContext,
  random: Random,
  household: Household,
  date: string,
  base: Omit<CertificateCase, 'household' | 'facts'>,
  common: Partial<CaseFacts>,
): CertificateCase {
  const partner = household.members.find((member) => member.relation === 'husband' || member.relation === 'wife' || member.relation === 'father' || member.relation === 'mother');
  const deceased = partner ?? household.members[0] as Person;
  const spouse = deceased.relation === 'husband' || deceased.relation === 'wife';
  const deathDate = addDays(date, -random.int(20, 400));
  return {
    ...base,
    household: [],
    deceased: {
      name: deceased.name,
      declinedGenitive: ctx.declension.genitive(deceased.name, deceased.gender),
      deathDate: deathDate > deceased.birthDate ? deathDate : addDays(deceased.birthDate, 1),
      kinship: spouse ? (deceased.gender === 'male' ? 'чоловік' : 'дружина') : deceased.gender === 'male' ? 'батько' : 'мати',
      kinshipDocument: spouse ? 'marriage_certificate' : 'birth_certificate',
    },
    facts: facts(household, common),
  };
}

export function plannedCertificate(ctx: ContentContext, random: Random, household: Household, date: string, signatory: SignatorySnapshot): PlannedEntry {
  const draft = certificateCase(ctx, random, household, date);
  const options = { today: date };
  const documents = presentMissing(evaluateCertificate({ ...draft, documents: [] }, options), random, date);
  const content: CertificateContent = {
    sort: 'certificate',
    ...draft,
    documents,
    signatory,
    templateVersions: Object.fromEntries(draft.kinds.map((kind) => [kind, 1])),
  };
  return {
    content,
    rule: { sort: 'certificate', today: date },
    recipient: recipientOf(draft.subject.name, draft.applicant, random),
  };
}

/** R7.4 refusal: a required document is missing (or R7.16, a fact no certificate can confirm). */
export function plannedRefusal(ctx: ContentContext, random: Random, household: Household, date: string, signatory: SignatorySnapshot): PlannedEntry {
  const draft = certificateCase(ctx, random, household, date);
  const options = { today: date };
  const all = presentMissing(evaluateCertificate({ ...draft, documents: [] }, options), random, date);
  // Mostly a missing document (a passport is rarely the one forgotten); now and then R7.16.
  const droppable = all.filter((doc) => doc.requirementId !== 'identity');
  const dropped = random.chance(0.9) ? random.pick(droppable.length > 0 ? droppable : all) : undefined;
  const documents = all.filter((doc) => doc !== dropped);
  const verdict = evaluateCertificate({ ...draft, documents }, options);
  const chosen = dropped === undefined ? [{ ruleId: 'R7.16', details: '' }] : proposedRefusalGrounds(verdict, 'certificate');
  const { grounds, referral } = refusalDraft(chosen, { registerDepartment: ctx.registerDepartment });
  const content: RefusalContent = {
    sort: 'refusal',
    requested: { sort: 'certificate', kinds: draft.kinds },
    subject: draft.subject,
    address: draft.address,
    applicant: draft.applicant,
    grounds,
    ...(referral ? { referral } : {}),
    facts: draft.facts,
    documents,
    signatory,
    templateVersion: 1,
  };
  return { content, rule: { sort: 'refusal' }, recipient: recipientOf(draft.subject.name, draft.applicant, random) };
}

function holderOn(history: BodyHistory, role: 'head' | 'deputy', date: string): PersonName | undefined {
  return history.posts.find((post) => post.role === role && post.from <= date && (post.to === undefined || date <= post.to))?.name;
}

/** R7.5, R7.6, R7.8: a body's certificate signed by whoever held the post on its date. */
export function plannedCertification(ctx: ContentContext, random: Random, household: Household, date: string, signatory: SignatorySnapshot): PlannedEntry {
  const body = random.pick(ctx.bodies);
  const history = body.history;
  const certificateDate = addDays(date, -random.int(0, 14));
  const head = household.members[0] as Person;
  const deputy = history.type === 'committee' ? holderOn(history, 'deputy', certificateDate) : undefined;
  const headName = holderOn(history, 'head', certificateDate);
  const byDeputy = deputy !== undefined && (headName === undefined || random.chance(0.05));
  const signerName = byDeputy ? deputy : headName;
  if (!signerName) throw new Error(`Body ${body.id} has nobody to sign on ${certificateDate}`);
  const kind = history.type === 'osbb' ? 'osbb_stove_heating' : random.pick(COMMITTEE_KINDS);
  const minors = membersOn(household, date).filter((member) => isMinorOn(member.birthDate, date)).length;
  const applicant = applicantFor(random);
  const draft = {
    sort: 'certification' as const,
    kind,
    body: { type: history.type, bodyId: body.id, name: history.name, hasSeal: history.hasSeal },
    certificateDate,
    signer: {
      role: byDeputy ? ('deputy' as const) : ('head' as const),
      name: signerName,
      headAbsence: byDeputy ? (headName === undefined ? ('post_vacant' as const) : ('confirmed_by_administrator' as const)) : ('not_applicable' as const),
    },
    sealPresent: history.hasSeal || history.type === 'osbb',
    submittedBy: random.chance(0.8) ? ('subject' as const) : ('body_head' as const),
    subject: { name: head.name, birthDate: head.birthDate, declined: ctx.declension.declined(head.name, head.gender) },
    address: addressOf(household),
    applicant,
    dataMatch: true,
    ...(kind === 'committee_family' && minors > 0 ? { childrenMentioned: minors } : {}),
    facts: facts(household, { actingForOther: applicant.actsAs === 'representative' }),
    signatory,
    templateVersion: 1,
  };
  const options = { today: date };
  const documents = presentMissing(evaluateCertification({ ...draft, documents: [] }, history, options), random, date);
  const content: CertificationContent = { ...draft, documents };
  return {
    content,
    rule: { sort: 'certification', bodyId: body.id, today: date },
    recipient: recipientOf(head.name, applicant, random),
  };
}

/**
 * The gate of an entry's rule, as the issuing service passes it to `appendEntry`: R7.4 for a
 * certificate; R7.5, R7.6 for a certification (signer on the certificate's date, its date, seal
 * and data match, against the body's history); a refusal has no checklist to pass.
 */
export function gateOf(rule: EntryRule, bodies: readonly SyntheticBody[]): (content: EntryContent) => void {
  if (rule.sort === 'certificate') return (written) => void assertIssuable(written as CertificateContent, { today: rule.today });
  if (rule.sort === 'refusal') return () => undefined;
  const history = bodies.find((body) => body.id === rule.bodyId)?.history;
  if (!history) throw new Error(`Body ${rule.bodyId} is not in the register`);
  return (written) => void assertCertifiable(written as CertificationContent, history, { today: rule.today });
}
