import type { SealKind } from '../../shared/domain/entry.js';

/**
 * Plain models the PDF builders draw. Every string here is already final Ukrainian text (dates
 * printed dd.MM.yyyy, names declined), so a builder only lays out and never decides wording; the
 * composers in `compose.ts` build these from register entries.
 */

/** The council block on top of every document (from `CouncilRequisites`, never literals). */
export interface CouncilHeader {
  /** «УКРАЇНА». */
  country: string;
  councilName: string;
  executiveCommitteeName: string;
  cnapDepartmentName: string;
  address: string;
  phone: string;
  email: string;
  website?: string;
  emblemPngBase64?: string;
}

export interface SignatoryModel {
  position: string;
  fullName: string;
}

/** R7.10 «Для довідок»; R7.13 the executive committee's seal. */
export interface SealModel {
  kind: SealKind;
  name: string;
}

export interface VerificationStamp {
  qrText: string;
  /** Grouped for reading aloud, e.g. `K7M2Q-9QXDA`. */
  shortCode: string;
}

export interface AnnulmentModel {
  /** dd.MM.yyyy */
  date: string;
  reason: string;
  /** Printed number of the entry issued in its place. */
  replacedBy?: string;
}

export interface HouseholdRowModel {
  fullName: string;
  relation: string;
  /** dd.MM.yyyy */
  birthDate: string;
}

export interface CertificateDocModel {
  header: CouncilHeader;
  printedNumber: string;
  /** dd.MM.yyyy */
  date: string;
  /** One title, or the combined titles of an R7.2 certificate already joined. */
  title: string;
  paragraphs: string[];
  /** Index of the paragraph after which the household table goes; after the last when absent. */
  householdAt?: number;
  household?: HouseholdRowModel[];
  signatory: SignatoryModel;
  seal: SealModel;
  verification: VerificationStamp;
  trainingMode: boolean;
  annulled?: AnnulmentModel;
}

/** R7.5, R7.10: the certification inscription on a self-organisation body's certificate. */
export interface InscriptionDocModel {
  header: CouncilHeader;
  /** «Підпис голови … засвідчую.» */
  statement: string;
  /** What was certified, e.g. «довідка про склад сім'ї від 01.03.2025». */
  certifiedDocument: string;
  administrator: SignatoryModel;
  /** dd.MM.yyyy */
  date: string;
  seal: SealModel;
  journalNumber: string;
  trainingMode: boolean;
  annulled?: AnnulmentModel;
}

/** Where the inscription goes on the submitted paper: its top-left corner from the sheet's top-left. */
export interface OverlayPosition {
  xMm: number;
  yMm: number;
}

export interface RefusalGroundModel {
  ruleId: string;
  /** The rule as cited on paper, e.g. «пп. 2 п. 7.4 Регламенту». */
  citation: string;
  text: string;
}

export interface RefusalNoticeDocModel {
  header: CouncilHeader;
  printedNumber: string;
  /** dd.MM.yyyy */
  date: string;
  /** `label` is «Кому» before a dative name, or «Заявник (представник)» before a nominative one. */
  addressee: { label: string; fullName: string; address: string };
  /** What was asked, e.g. «видачу довідки про склад сім'ї». */
  requested: string;
  grounds: RefusalGroundModel[];
  /** Where to go next (R7.4.2: the territorial community register department). */
  referral?: string;
  /** R7.16: a fact a certificate cannot confirm is established in the order the law sets. */
  lawNotice: string;
  signatory: SignatoryModel;
  trainingMode: boolean;
  annulled?: AnnulmentModel;
}

/** One journal row with the columns of domain section E (R7.7, R7.10). */
export interface JournalRowModel {
  printedNumber: string;
  /** dd.MM.yyyy */
  date: string;
  personName: string;
  address: string;
  /** Kind, or certified kind and the committee, or the refusal. */
  what: string;
  grounds: string;
  administrator: string;
  /** dd.MM.yyyy and who received, when handed over. */
  received?: string;
  /** The entry's chain hash (hex); the page footer prints the last one's first 16 characters. */
  hash: string;
  annulledNote?: string;
  /** «Видано замість анульованої № …» for an entry issued in place of an annulled one. */
  reissueNote?: string;
}

export interface JournalPagesModel {
  councilName: string;
  journalIndex: string;
  journalTitle: string;
  /** dd.MM.yyyy */
  from: string;
  /** dd.MM.yyyy */
  to: string;
  rows: JournalRowModel[];
  trainingMode: boolean;
}

export interface PublicKeysDocModel {
  header: CouncilHeader;
  /** dd.MM.yyyy */
  date: string;
  keys: { officeCode: string; publicKeyPem: string; fingerprint: string }[];
}
