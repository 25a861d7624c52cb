import type { PresentedDocument } from '../domain/documents.js';
import type { CertificateContent, CertificationContent, EntryContent, RefusalContent } from '../domain/entry.js';
import type { Address, Gender, HouseholdMember, IsoDate } from '../domain/person.js';
import { formatPrintedDate, isMinorOn } from '../domain/validation/dates.js';
import { findKind, type CustomKind } from './catalogue.js';
import { ukText } from './printed-text.js';
import { printedRelation } from './printed-relations.js';
import { fullName } from './requirements.js';
import type { TemplateValues } from './templates.js';

/**
 * Placeholder values built from a journal entry's content (a snapshot: the values never depend on
 * directories that may change later). Dates print as dd.MM.yyyy.
 */

export interface TemplateExtra {
  /** The entry's Europe/Kyiv date (EntryRecord.localDate). */
  entryDate?: IsoDate;
  /** The printed entry number (EntryRecord.printedNumber). */
  printedNumber?: string;
  customKinds?: readonly CustomKind[];
  /** Titles to print instead of the catalogue's, by kind id. */
  kindTitles?: Readonly<Record<string, string>>;
  /**
   * The template names the housing record itself («записи {{housingSource}}; {{grounds}}», as
   * earlier default templates did), so `grounds` leaves it out: each document is listed once.
   */
  housingSourceSeparate?: boolean;
}

const STREET_PREFIX = /^(вул\.|вулиця|просп\.|проспект|пров\.|провулок|пл\.|площа|бульв?\.|бульвар|майдан|узвіз|шосе|тупик|проїзд|набережна|в'?їзд|вʼїзд)\s/iu;

/** «м. Глухів, вул. Шевченка, буд. 12-А, корп. 2, кв. 5» — a typed prefix («пров.») is kept. */
export function formatAddress(address: Address): string {
  const street = address.street?.trim();
  const parts = [
    address.settlement.trim(),
    street ? (STREET_PREFIX.test(street) ? street : `вул. ${street}`) : undefined,
    `буд. ${address.house}`,
    address.building ? `корп. ${address.building}` : undefined,
    address.apartment ? `кв. ${address.apartment}` : undefined,
  ];
  return parts.filter((part): part is string => part !== undefined && part !== '').join(', ');
}

function printed(date: IsoDate | undefined): string | undefined {
  return date === undefined ? undefined : formatPrintedDate(date);
}

/** «свідоцтво про народження серії I-БП № 123456». */
export function describeDocument(doc: PresentedDocument): string {
  const parts = [ukText(`rules.documentTypes.${doc.type}`)];
  if (doc.series) parts.push(`серії ${doc.series}`);
  if (doc.number) parts.push(`№ ${doc.number}`);
  if (doc.issuedOn) parts.push(`від ${formatPrintedDate(doc.issuedOn)}`);
  return parts.join(' ');
}

function kindTitle(id: string, extra: TemplateExtra): string {
  return extra.kindTitles?.[id] ?? findKind(id, extra.customKinds ?? [])?.title ?? id;
}

/** Genitive for «Підстава: записи …» — the housing record actually presented (R7.4.2). */
const housingSourceGenitive: Record<string, string> = {
  house_book: 'будинкової книги',
  apartment_card: 'поквартирних карток',
  housing_registration_certificate: 'довідки про реєстрацію житлово-експлуатаційної організації',
};

function housingSource(content: CertificateContent | CertificationContent): string | undefined {
  const doc = content.documents.find((d) => d.requirementId === 'housing_records');
  const fallback = content.facts.dwelling === 'private_house' ? 'house_book' : 'apartment_card';
  return housingSourceGenitive[doc?.type ?? fallback];
}

/**
 * «Підстава: …»: every presented document once, in the order presented; the house book or the
 * apartment cards as «записи будинкової книги» (R7.4.2), or left out when the template names them.
 */
function groundsText(content: CertificateContent, housingSourceSeparate: boolean): string {
  const described = content.documents.flatMap((doc) => {
    if (doc.requirementId !== 'housing_records') return [describeDocument(doc)];
    if (housingSourceSeparate) return [];
    const genitive = housingSourceGenitive[doc.type];
    return [genitive && !doc.number ? `записи ${genitive}` : describeDocument(doc)];
  });
  return [...new Set(described)].join('; ');
}

function personValues(content: EntryContent): TemplateValues {
  return {
    'subject.nominative': content.subject.declined.nominative,
    'subject.dative': content.subject.declined.dative,
    'subject.genitive': content.subject.declined.genitive,
    'subject.birthDate': printed(content.subject.birthDate),
    address: formatAddress(content.address),
    'signatory.position': content.signatory.position,
    'signatory.name': content.signatory.fullName,
  };
}

function certificateValues(content: CertificateContent, extra: TemplateExtra): TemplateValues {
  const kinship = content.documents.find((d) => d.requirementId === 'kinship_document');
  return {
    'kind.title': content.kinds.map((id) => kindTitle(id, extra)).join('; '),
    purpose: content.purpose.trim(),
    grounds: groundsText(content, extra.housingSourceSeparate ?? false),
    housingSource: housingSource(content),
    registeredOn: printed(content.subject.registeredOn),
    household: content.household.length > 0 ? String(content.household.length) : undefined,
    bodyCertificate: content.bodyCertificate
      ? [content.bodyCertificate.bodyName, `від ${formatPrintedDate(content.bodyCertificate.date)}`, content.bodyCertificate.number ? `№ ${content.bodyCertificate.number}` : '']
          .filter(Boolean)
          .join(' ')
      : undefined,
    'deceased.genitive': content.deceased?.declinedGenitive,
    'deceased.deathDate': printed(content.deceased?.deathDate),
    kinship: content.deceased?.kinship,
    // One source: the document ticked as proof of kinship; older entries recorded only its type.
    kinshipDocument: kinship ? describeDocument(kinship) : content.deceased ? ukText(`rules.documentTypes.${content.deceased.kinshipDocument}`) : undefined,
  };
}

function certificationValues(content: CertificationContent, extra: TemplateExtra): TemplateValues {
  const roleGenitive = ukText(`rules.signerRoles.${content.signer.role}`);
  return {
    'kind.title': kindTitle(content.kind, extra),
    'body.name': content.body.name,
    'body.typeGenitive':
      content.body.type === 'osbb' ? 'обʼєднання співвласників багатоквартирного будинку' : 'квартального (будинкового) комітету',
    'signer.role': content.signer.role === 'head' ? 'голова' : 'заступник голови',
    'signer.roleGenitive': roleGenitive,
    'signer.name': fullName(content.signer.name),
    certificateDate: printed(content.certificateDate),
  };
}

function refusalValues(content: RefusalContent, extra: TemplateExtra): TemplateValues {
  return {
    requested: content.requested.kinds.map((id) => kindTitle(id, extra)).join('; '),
    'requested.action': content.requested.sort === 'certificate' ? 'видачі довідки' : 'засвідченні підпису на довідці',
    'refusal.grounds': content.grounds.map((ground, index) => `${index + 1}. ${ground.text}`).join('\n'),
    referral: content.referral,
  };
}

/** Values of every placeholder the entry's templates may use. */
export function templateValuesFor(content: EntryContent, extra: TemplateExtra = {}): TemplateValues {
  const common: TemplateValues = {
    ...personValues(content),
    'entry.date': printed(extra.entryDate),
    'entry.number': extra.printedNumber,
  };
  switch (content.sort) {
    case 'certificate':
      return { ...common, ...certificateValues(content, extra) };
    case 'certification':
      return { ...common, ...certificationValues(content, extra) };
    case 'refusal':
      return { ...common, ...refusalValues(content, extra) };
  }
}

export interface HouseholdRow {
  name: string;
  relation: string;
  birthDate: string;
  registeredOn?: string;
  deathDate?: string;
  child: boolean;
}

/**
 * Rows of the household table (R7.1.2: name, relation, date of birth; children
 * marked); `subjectGender` words the in-laws («свекруха» for a woman's, «теща» for a man's).
 */
export function householdRows(household: readonly HouseholdMember[], today: IsoDate, subjectGender?: Gender): HouseholdRow[] {
  return household.map((member) => ({
    name: fullName(member.name),
    relation: printedRelation(member, subjectGender),
    birthDate: formatPrintedDate(member.birthDate),
    ...(member.registeredOn ? { registeredOn: formatPrintedDate(member.registeredOn) } : {}),
    ...(member.deathDate ? { deathDate: formatPrintedDate(member.deathDate) } : {}),
    child: member.deathDate === undefined && isMinorOn(member.birthDate, today),
  }));
}
