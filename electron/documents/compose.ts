import { DeskError } from '../../shared/contract/errors.js';
import type { PresentedDocument } from '../../shared/domain/documents.js';
import type {
  CertificationContent,
  EntryRecord,
  KindId,
  RefusalContent,
  SignatorySnapshot,
} from '../../shared/domain/entry.js';
import { genderFromPatronymic } from '../../shared/domain/gender.js';
import { printedRelation } from '../../shared/rules/printed-relations.js';
import { formatAddress, fullNameOf, kyivDate, printedDate, shortNameOf } from './format.js';
import { builtInKindName, documentTypeLabelsUk, type KindNameResolver } from './labels.js';
import type {
  AnnulmentModel,
  CertificateDocModel,
  CouncilHeader,
  HouseholdRowModel,
  InscriptionDocModel,
  JournalPagesModel,
  JournalRowModel,
  RefusalGroundModel,
  RefusalNoticeDocModel,
  SealModel,
  SignatoryModel,
  VerificationStamp,
} from './models.js';

/**
 * Composers turn a register entry (an immutable snapshot) into the plain models the PDF builders
 * draw, so the same entry always prints the same document. The certificate's body comes from the
 * template engine as a parameter; everything else is read from the entry itself.
 */

/** R7.16, printed on every refusal notice. */
export const LAW_NOTICE_R7_16 =
  'У разі неможливості надати довідку, що засвідчує певний факт, за підтвердженням якого звернувся заявник, ' +
  'цей факт встановлюється у визначеному законодавством порядку (зокрема в судовому порядку).';

export interface ComposeOptions {
  trainingMode: boolean;
  /** Printed names of kinds beyond the four built-in ones (catalogue, R7.5, R7.15). */
  kindName?: KindNameResolver;
}

function kindNameOf(kind: KindId, opts: ComposeOptions): string {
  const name = opts.kindName?.(kind) ?? builtInKindName(kind);
  if (!name) throw new DeskError('not_found', 'errors.documents.kindNameMissing', { kind });
  return name;
}

const DOVIDKA = /^довідка\s+/i;

/** «ДОВІДКА про склад сім’ї»; R7.2 combined: «ДОВІДКА з місця реєстрації та про склад сім’ї». */
export function certificateTitle(names: string[]): string {
  const tails = names.map((name) => (DOVIDKA.test(name) ? name.replace(DOVIDKA, '') : `«${name}»`));
  const joined = tails.length > 1 ? `${tails.slice(0, -1).join(', ')} та ${tails.at(-1) ?? ''}` : (tails[0] ?? '');
  return `ДОВІДКА ${joined}`;
}

/** «Довідка про …» in another case: `довідки про …`, `довідці про …`. */
function kindNameInCase(name: string, caseForm: 'довідки' | 'довідці'): string {
  return DOVIDKA.test(name) ? name.replace(DOVIDKA, `${caseForm} `) : `${caseForm} «${name}»`;
}

function sealOf(signatory: SignatorySnapshot): SealModel {
  return { kind: signatory.seal, name: signatory.sealName };
}

function signatoryOf(signatory: SignatorySnapshot): SignatoryModel {
  return { position: signatory.position, fullName: signatory.fullName };
}

function annulmentOf(entry: EntryRecord): AnnulmentModel | undefined {
  if (!entry.annulment) return undefined;
  return {
    date: kyivDate(entry.annulment.at),
    reason: entry.annulment.reason,
    ...(entry.annulment.replacedByPrintedNumber ? { replacedBy: entry.annulment.replacedByPrintedNumber } : {}),
  };
}

function withAnnulment<T extends object>(model: T, entry: EntryRecord): T & { annulled?: AnnulmentModel } {
  const annulled = annulmentOf(entry);
  return annulled ? { ...model, annulled } : model;
}

function contentOf<S extends EntryRecord['content']['sort']>(
  entry: EntryRecord,
  sort: S,
): Extract<EntryRecord['content'], { sort: S }> {
  if (entry.content.sort !== sort) {
    throw new DeskError('rule_violation', 'errors.documents.wrongEntrySort', { expected: sort, actual: entry.content.sort });
  }
  return entry.content as Extract<EntryRecord['content'], { sort: S }>;
}

export interface CertificateBody {
  paragraphs: string[];
  householdAt?: number;
}

export function composeCertificate(
  entry: EntryRecord,
  header: CouncilHeader,
  body: CertificateBody,
  opts: ComposeOptions & { verification: VerificationStamp },
): CertificateDocModel {
  const content = contentOf(entry, 'certificate');
  const subjectGender = content.subject.declined.gender ?? genderFromPatronymic(content.subject.name.patronymic) ?? undefined;
  const household: HouseholdRowModel[] = content.household.map((member) => ({
    fullName: fullNameOf(member.name),
    relation: member.deathDate
      ? `${printedRelation(member, subjectGender)} (дата смерті ${printedDate(member.deathDate)})`
      : printedRelation(member, subjectGender),
    birthDate: printedDate(member.birthDate),
  }));
  const model: CertificateDocModel = {
    header,
    printedNumber: entry.printedNumber,
    date: printedDate(entry.localDate),
    title: certificateTitle(content.kinds.map((kind) => kindNameOf(kind, opts))),
    paragraphs: body.paragraphs,
    ...(body.householdAt !== undefined ? { householdAt: body.householdAt } : {}),
    ...(household.length > 0 ? { household } : {}),
    signatory: signatoryOf(content.signatory),
    seal: sealOf(content.signatory),
    verification: opts.verification,
    trainingMode: opts.trainingMode,
  };
  return withAnnulment(model, entry);
}

function signerPhrase(content: CertificationContent): string {
  const role = content.signer.role === 'deputy' ? 'заступника голови' : 'голови';
  const body =
    content.body.type === 'osbb' ? 'об’єднання співвласників багатоквартирного будинку' : 'органу самоорганізації населення';
  return `${role} ${body} (${content.body.name})`;
}

/**
 * «В. П. Бондаря»: «Підпис … засвідчую» names the signer in the genitive; the surname's genitive
 * comes from the declension main recorded at certifying (entries made before print the nominative).
 */
function signerInGenitive(content: CertificationContent): string {
  const { name, declinedGenitive } = content.signer;
  if (!declinedGenitive) return shortNameOf(name);
  const surnameWords = name.familyName.trim().split(/\s+/).length;
  const genitiveSurname = declinedGenitive.trim().split(/\s+/).slice(0, surnameWords).join(' ');
  return shortNameOf({ ...name, familyName: genitiveSurname });
}

/** R7.5, R7.10: «Підпис голови (заступника голови) … засвідчую». */
export function composeInscription(entry: EntryRecord, header: CouncilHeader, opts: ComposeOptions): InscriptionDocModel {
  const content = contentOf(entry, 'certification');
  const certifiedDocument = `${kindNameOf(content.kind, opts)} від ${printedDate(content.certificateDate)}`;
  const model: InscriptionDocModel = {
    header,
    statement: `Підпис ${signerPhrase(content)} ${signerInGenitive(content)} засвідчую.`,
    certifiedDocument,
    administrator: signatoryOf(content.signatory),
    date: printedDate(entry.localDate),
    seal: sealOf(content.signatory),
    journalNumber: entry.printedNumber,
    trainingMode: opts.trainingMode,
  };
  return withAnnulment(model, entry);
}

/** `R7.4.2` → «пп. 2 п. 7.4 Регламенту»; `R7.16` → «п. 7.16 Регламенту» (no-break spaces keep them whole). */
export function citeRule(ruleId: string): string {
  const [, point = '', sub] = /^R(\d+\.\d+)(?:\.(\d+))?$/.exec(ruleId) ?? [];
  if (!point) return ruleId;
  return sub ? `пп.\u00a0${sub} п.\u00a0${point} Регламенту` : `п.\u00a0${point} Регламенту`;
}

function requestedText(content: RefusalContent, opts: ComposeOptions): string {
  const names = content.requested.kinds.map((kind) => kindNameOf(kind, opts));
  if (content.requested.sort === 'certification') {
    return `засвідчення підпису на ${names.map((name) => kindNameInCase(name, 'довідці')).join(', ')}`;
  }
  return `видачу ${names.map((name) => kindNameInCase(name, 'довідки')).join(', ')}`;
}

function addresseeOf(content: RefusalContent): RefusalNoticeDocModel['addressee'] {
  const address = formatAddress(content.address);
  if (content.applicant.actsAs === 'representative') {
    return { label: 'Заявник (представник)', fullName: fullNameOf(content.applicant.name), address };
  }
  return { label: 'Кому', fullName: content.subject.declined.dative, address };
}

export function composeRefusal(entry: EntryRecord, header: CouncilHeader, opts: ComposeOptions): RefusalNoticeDocModel {
  const content = contentOf(entry, 'refusal');
  const grounds: RefusalGroundModel[] = content.grounds.map((ground) => ({
    ruleId: ground.ruleId,
    citation: citeRule(ground.ruleId),
    text: ground.text,
  }));
  const model: RefusalNoticeDocModel = {
    header,
    printedNumber: entry.printedNumber,
    date: printedDate(entry.localDate),
    addressee: addresseeOf(content),
    requested: requestedText(content, opts),
    grounds,
    ...(content.referral ? { referral: content.referral } : {}),
    lawNotice: LAW_NOTICE_R7_16,
    signatory: signatoryOf(content.signatory),
    trainingMode: opts.trainingMode,
  };
  return withAnnulment(model, entry);
}

/** The journal's «Подані документи»: each document once, though it may answer several checklist items. */
export function presentedDocumentsText(documents: PresentedDocument[]): string {
  const described = documents.map((document) => {
    const serial = [document.series, document.number].filter(Boolean).join(' ');
    return serial ? `${documentTypeLabelsUk[document.type]} ${serial}` : documentTypeLabelsUk[document.type];
  });
  return [...new Set(described)].join('; ');
}

function journalWhat(entry: EntryRecord, opts: ComposeOptions): string {
  const content = entry.content;
  switch (content.sort) {
    case 'certificate':
      return content.kinds.map((kind) => kindNameOf(kind, opts)).join('; ');
    case 'certification':
      return `Засвідчення підпису: ${kindNameOf(content.kind, opts)} від ${printedDate(content.certificateDate)}; ${content.body.name}`;
    case 'refusal':
      return `Відмова (заява про ${requestedText(content, opts)})`;
  }
}

function journalPerson(entry: EntryRecord): string {
  const content = entry.content;
  const subject = fullNameOf(content.subject.name);
  return content.applicant.actsAs === 'representative'
    ? `${subject} (через представника ${fullNameOf(content.applicant.name)})`
    : subject;
}

/**
 * Who received the document: «особисто», or the representative and the power of attorney they
 * showed (R7.4.4), e.g. «представник: Коваль Ігор Петрович, довіреність № 1234 від 01.12.2026,
 * видана приватним нотаріусом …». Handovers written before the power of attorney was recorded
 * print the representative alone.
 */
function journalReceived(entry: EntryRecord): string | undefined {
  const handover = entry.handover;
  if (!handover) return undefined;
  if (handover.receivedBy !== 'representative') return `${kyivDate(handover.at)}\nособисто`;
  const proxy = handover.powerOfAttorney;
  const who = `представник: ${handover.recipientName}`;
  const powerOfAttorney = proxy ? `довіреність${NUMBER_SIGN}${proxy.number} від ${printedDate(proxy.date)}, видана: ${proxy.issuer}` : undefined;
  return [kyivDate(handover.at), who, powerOfAttorney].filter(Boolean).join('\n');
}

/** « № » with a no-break space after the sign: a narrow journal cell never ends a line with a bare «№». */
const NUMBER_SIGN = ' №\u00A0';

export function journalRowOf(entry: EntryRecord, opts: ComposeOptions): JournalRowModel {
  const received = journalReceived(entry);
  const annulment = annulmentOf(entry);
  return {
    printedNumber: entry.printedNumber,
    date: printedDate(entry.localDate),
    personName: journalPerson(entry),
    address: formatAddress(entry.content.address),
    what: journalWhat(entry, opts),
    grounds: presentedDocumentsText(entry.content.documents),
    administrator: entry.createdBy.fullName,
    hash: entry.hash,
    ...(received ? { received } : {}),
    ...(annulment
      ? { annulledNote: `Анульовано ${annulment.date}: ${annulment.reason}${annulment.replacedBy ? `; замість неї видано${NUMBER_SIGN}${annulment.replacedBy}` : ''}` }
      : {}),
    ...(entry.reissueOf ? { reissueNote: `Видано замість анульованої${NUMBER_SIGN}${entry.reissueOf.printedNumber}` } : {}),
  };
}

export interface JournalRef {
  index: string;
  title: string;
}

/** Journal pages for a date range (R7.7, R7.10); entries in journal order. */
export function composeJournalPages(
  entries: EntryRecord[],
  journal: JournalRef,
  range: { from: string; to: string },
  councilName: string,
  opts: ComposeOptions,
): JournalPagesModel {
  return {
    councilName,
    journalIndex: journal.index,
    journalTitle: journal.title,
    from: printedDate(range.from),
    to: printedDate(range.to),
    rows: entries.map((entry) => journalRowOf(entry, opts)),
    trainingMode: opts.trainingMode,
  };
}
