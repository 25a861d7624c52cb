import { z } from 'zod';
import { documentTypeSchema, type DocumentType } from '../domain/documents.js';
import { calendarDateSchema } from '../domain/validation/dates.js';
import { freeTextSchema } from '../domain/validation/free-text.js';

/**
 * The catalogue of certificate kinds (R7.1, R7.5, R7.8, R7.9). Built-in kinds are code; kinds
 * added later by an executive committee decision (R7.15) are data of the same shape and are
 * evaluated by the same checklist code.
 */

export const ruleIdSchema = z.string().regex(/^R7\.\d+(\.\d+)?$/);

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
  /** Ukrainian title as printed. */
  readonly title: string;
  readonly titleKey: string;
  /** Where the regulation defines the kind, e.g. `R7.1.2`. */
  readonly rule: string;
  readonly grounds: readonly GroundItem[];
  /** The printed certificate carries the household table. */
  readonly needsHousehold: boolean;
  /**
   * Documents accepted in place of the house book / apartment cards (R7.4.2) because the kind's
   * own grounds name them: «будинкової книги або довідки про реєстрацію житлово-експлуатаційної
   * організації» (R7.1.3, R7.1.4).
   */
  readonly housingAlternatives: readonly DocumentType[];
  /** Who issues a certified kind: the quarter/house committee (R7.5) or the ОСББ head (R7.8). */
  readonly issuer?: 'committee' | 'osbb';
  /** The executive committee decision that added a custom kind (R7.15). */
  readonly decision?: { readonly number: string; readonly date: string };
}

const ground = (
  requirementId: string,
  ruleId: string,
  documentTypes: readonly DocumentType[],
  when: GroundCondition = 'always',
): GroundItem => ({ requirementId, ruleId, labelKey: `rules.requirements.${requirementId}`, documentTypes, when });

function issued(
  id: string,
  rule: string,
  title: string,
  grounds: readonly GroundItem[],
  options: { needsHousehold: boolean; housingAlternatives?: readonly DocumentType[] },
): KindDefinition {
  return {
    id,
    sort: 'issued',
    title,
    titleKey: `rules.kinds.${id}`,
    rule,
    grounds,
    needsHousehold: options.needsHousehold,
    housingAlternatives: options.housingAlternatives ?? [],
  };
}

function certified(id: string, rule: string, title: string, issuer: 'committee' | 'osbb' = 'committee'): KindDefinition {
  return {
    id,
    sort: 'certified',
    title,
    titleKey: `rules.kinds.${id}`,
    rule,
    // R7.6.1–5 apply to every certified kind; they are derived in certification.ts.
    grounds: [],
    needsHousehold: false,
    housingAlternatives: [],
    issuer,
  };
}

/** R7.1.1–4 (the ЦНАП issues), R7.5.1–12 (committee certificates it certifies), R7.8, R7.9. */
export const catalogue: readonly KindDefinition[] = [
  issued(
    'registration',
    'R7.1.1',
    'Довідка з місця реєстрації (про реєстрацію у житловому будинку осіб)',
    // Registration marks in the passport / permit are covered by R7.4.1, house book records by R7.4.2.
    [ground('technical_passport', 'R7.1.1', ['technical_passport'], 'technical_passport_needed')],
    { needsHousehold: false },
  ),
  issued(
    'family',
    'R7.1.2',
    'Довідка про склад сімʼї',
    [
      ground('title_document', 'R7.1.2', ['title_document'], 'private_house'),
      ground('guardianship_documents', 'R7.1.2', ['guardianship_document'], 'guardianship_involved'),
    ],
    { needsHousehold: true },
  ),
  issued(
    'actual_residence_family',
    'R7.1.3',
    'Довідка про фактичне місце проживання та склад сімʼї',
    [
      ground('body_certificate', 'R7.1.3', ['committee_certificate']),
      ground('member_death', 'R7.1.3', ['death_certificate'], 'per_deceased_member'),
    ],
    { needsHousehold: true, housingAlternatives: ['housing_registration_certificate'] },
  ),
  issued(
    'breadwinner_cohabitation',
    'R7.1.4',
    'Довідка про спільне проживання з годувальником на момент його смерті',
    [
      ground('kinship_document', 'R7.1.4', ['birth_certificate', 'marriage_certificate']),
      ground('deceased_death', 'R7.1.4', ['death_certificate']),
    ],
    { needsHousehold: false, housingAlternatives: ['housing_registration_certificate'] },
  ),
  certified('committee_family', 'R7.5.1', 'Довідка про склад сімʼї'),
  certified('committee_actual_residence', 'R7.5.2', 'Довідка про фактичне проживання особи'),
  certified(
    'committee_residence_care',
    'R7.5.3',
    'Довідка про фактичне проживання особи та догляд за престарілим або інвалідом',
  ),
  certified(
    'committee_stove_heating',
    'R7.5.4',
    'Довідка про наявність пічного опалення на твердому паливі та газобалонної установки',
  ),
  certified(
    'committee_residence_with_relatives',
    'R7.5.5',
    'Довідка про фактичне проживання особи спільно з особами, які мають з нею родинний звʼязок, та яка зареєстрована за іншою адресою',
  ),
  certified('committee_burial', 'R7.5.6', 'Довідка про здійснення особою поховання померлого за власний рахунок'),
  certified(
    'committee_deceased_residence',
    'R7.5.7',
    'Довідка про фактичне проживання померлої особи до дня смерті за визначеною адресою',
  ),
  certified('committee_residence_on_death', 'R7.5.8', 'Довідка про фактичне проживання та реєстрацію особи на день смерті'),
  certified(
    'committee_dependency_spouse',
    'R7.5.9',
    'Довідка про фактичне проживання та знаходження на утриманні чоловіка чи дружини за визначеною адресою до дня смерті',
  ),
  certified(
    'committee_land_plot',
    'R7.5.10',
    'Довідка про наявність та використання земельної ділянки та вирощеної на ній продукції',
  ),
  certified(
    'committee_livestock',
    'R7.5.11',
    'Довідка про наявність худоби, бджолосімей, птиці тощо чи відсутність підсобного господарства',
  ),
  // R7.5.12 and R7.9: characteristics from the place of residence (police, military commissariat, …).
  certified('committee_characteristic', 'R7.9', 'Довідка-характеристика з місця проживання'),
  // R7.8: the stove / gas-cylinder certificate issued by the head of an ОСББ.
  certified(
    'osbb_stove_heating',
    'R7.8',
    'Довідка про наявність пічного опалення на твердому паливі та газобалонної установки (ОСББ)',
    'osbb',
  ),
];

const requirementIdSchema = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/);

/** A checklist item of a custom kind, as the head of the department enters it (R7.15). */
export const customGroundSchema = z.object({
  requirementId: requirementIdSchema,
  /** The decision may cite the regulation's point it extends; R7.15 otherwise. */
  ruleId: ruleIdSchema.default('R7.15'),
  label: freeTextSchema(300, 3),
  documentTypes: z.array(documentTypeSchema).min(1).max(10),
  when: z.enum(groundConditions).default('always'),
});

/** A kind added by an executive committee decision (R7.15): data, evaluated by the same code. */
export const customKindSchema = z.object({
  id: z.string().regex(/^custom:[a-z][a-z0-9_]{1,60}$/, 'validation.customKind.id'),
  sort: z.enum(['issued', 'certified']),
  title: freeTextSchema(300, 5),
  grounds: z.array(customGroundSchema).max(30),
  needsHousehold: z.boolean().default(false),
  decision: z.object({
    number: freeTextSchema(40, 1),
    date: calendarDateSchema,
  }),
});
export type CustomKind = z.output<typeof customKindSchema>;
export type CustomKindInput = z.input<typeof customKindSchema>;

/** A custom kind as a catalogue entry (labels are the decision's own words). */
export function customKindDefinition(kind: CustomKind): KindDefinition {
  return {
    id: kind.id,
    sort: kind.sort,
    title: kind.title,
    titleKey: 'rules.kinds.custom',
    rule: 'R7.15',
    grounds: kind.grounds.map((item) => ({
      requirementId: item.requirementId,
      ruleId: item.ruleId,
      label: item.label,
      documentTypes: item.documentTypes,
      when: item.when,
    })),
    needsHousehold: kind.needsHousehold,
    housingAlternatives: [],
    ...(kind.sort === 'certified' ? { issuer: 'committee' as const } : {}),
    decision: kind.decision,
  };
}

/** The kind with this id: built-in, or one of the custom kinds currently in the register. */
export function findKind(id: string, customKinds: readonly CustomKind[] = []): KindDefinition | undefined {
  const builtIn = catalogue.find((kind) => kind.id === id);
  if (builtIn) return builtIn;
  const custom = customKinds.find((kind) => kind.id === id);
  return custom ? customKindDefinition(custom) : undefined;
}
