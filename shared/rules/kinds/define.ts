import type { DocumentType } from '../../domain/documents.js';
import type { PlaceholderName } from '../templates.js';

/**
 * The shape of a certificate kind (R7.1, R7.5, R7.8, R7.9, R7.15). A built-in kind is one file in
 * this folder; its title and checklist labels are its strings in `shared/i18n/rules.*.ts`;
 * everything else — what the form asks, what the checklist checks, what the template may say and
 * prints by default — follows from the definition.
 */

/** When a ground item applies, decided from the facts of the case (R7.1 "за необхідності"). */
export const groundConditions = [
  'always',
  'private_house',
  'apartment_building',
  'acting_for_other',
  'title_requested',
  'guardianship_involved',
  'technical_passport_needed',
  /** One item per household member listed with a date of death (R7.1.3). */
  'per_deceased_member',
] as const;
export type GroundCondition = (typeof groundConditions)[number];

/**
 * Case data a kind cannot be printed without; the form shows its section and the checklist
 * checks it: the household table (R7.1.2, R7.1.3), the self-organisation body's certificate the
 * text cites (R7.1.3), the deceased and the kinship (R7.1.4).
 */
export const kindNeeds = ['household', 'bodyCertificate', 'deceased'] as const;
export type KindNeed = (typeof kindNeeds)[number];

/** One thing a certificate is issued on the basis of (R7.1), citing its rule. */
export interface GroundItem {
  /** Requirement id, shared across kinds so a combined certificate (R7.2) asks for it once. */
  readonly requirementId: string;
  readonly ruleId: string;
  /** i18n key of the label (built-in kinds). */
  readonly labelKey?: string;
  /** The label as written in the decision (custom kinds, R7.15). */
  readonly label?: string;
  readonly documentTypes: readonly DocumentType[];
  readonly when: GroundCondition;
}

export type KindSort = 'issued' | 'certified';

export interface KindDefinition {
  readonly id: string;
  readonly sort: KindSort;
  /** Ukrainian title as printed (built-in kinds: the Ukrainian string of `titleKey`). */
  readonly title: string;
  readonly titleKey: string;
  /** Where the regulation defines the kind, e.g. `R7.1.2`. */
  readonly rule: string;
  readonly grounds: readonly GroundItem[];
  readonly needs: readonly KindNeed[];
  /**
   * Documents accepted in place of the house book / apartment cards (R7.4.2) because the kind's
   * own grounds name them: «будинкової книги або довідки про реєстрацію житлово-експлуатаційної
   * організації» (R7.1.3, R7.1.4).
   */
  readonly housingAlternatives: readonly DocumentType[];
  /** Placeholders its template may use beyond those every certificate has (built-in issued kinds). */
  readonly placeholders?: readonly PlaceholderName[];
  /** The text its template starts with (built-in issued kinds; R7.3). */
  readonly defaultTemplate?: string;
  /**
   * Texts earlier releases seeded as its version 1: a register whose latest version is still one
   * of these, unedited, gets the current default as its next version.
   */
  readonly retiredTemplates?: readonly string[];
  /** Who issues a certified kind: the quarter/house committee (R7.5) or the ОСББ head (R7.8). */
  readonly issuer?: 'committee' | 'osbb';
  /** The executive committee decision that added a custom kind (R7.15). */
  readonly decision?: { readonly number: string; readonly date: string };
}

export function ground(
  requirementId: string,
  ruleId: string,
  documentTypes: readonly DocumentType[],
  when: GroundCondition = 'always',
): GroundItem {
  return { requirementId, ruleId, labelKey: `rules.requirements.${requirementId}`, documentTypes, when };
}

/** What a built-in issued kind's file states; its title comes from its strings. */
export interface IssuedKindSpec {
  readonly id: string;
  readonly rule: string;
  readonly needs: readonly KindNeed[];
  readonly grounds: readonly GroundItem[];
  readonly housingAlternatives?: readonly DocumentType[];
  readonly placeholders: readonly PlaceholderName[];
  readonly template: string;
  readonly retiredTemplates?: readonly string[];
}

/** The Ukrainian title of a built-in kind, read from its strings at first use. */
export type TitleOf = (titleKey: string) => string;

export function issuedKind(spec: IssuedKindSpec, titleOf: TitleOf): KindDefinition {
  const titleKey = `rules.kinds.${spec.id}`;
  return {
    id: spec.id,
    sort: 'issued',
    title: titleOf(titleKey),
    titleKey,
    rule: spec.rule,
    grounds: spec.grounds,
    needs: spec.needs,
    housingAlternatives: spec.housingAlternatives ?? [],
    placeholders: spec.placeholders,
    defaultTemplate: spec.template,
    retiredTemplates: spec.retiredTemplates ?? [],
  };
}

/** A certificate a committee or an ОСББ issues and the ЦНАП certifies (R7.5, R7.8, R7.9). */
export interface CertifiedKindSpec {
  readonly id: string;
  readonly rule: string;
  readonly issuer?: 'committee' | 'osbb';
}

export function certifiedKind(spec: CertifiedKindSpec, titleOf: TitleOf): KindDefinition {
  const titleKey = `rules.kinds.${spec.id}`;
  return {
    id: spec.id,
    sort: 'certified',
    title: titleOf(titleKey),
    titleKey,
    rule: spec.rule,
    // R7.6.1–5 apply to every certified kind; they are derived in certification.ts.
    grounds: [],
    needs: [],
    housingAlternatives: [],
    issuer: spec.issuer ?? 'committee',
  };
}
