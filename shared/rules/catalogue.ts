import { z } from 'zod';
import { documentTypeSchema } from '../domain/documents.js';
import { calendarDateSchema } from '../domain/validation/dates.js';
import { freeTextSchema } from '../domain/validation/free-text.js';
import { certifiedKind, groundConditions, issuedKind, type GroundCondition, type KindDefinition, type KindNeed } from './kinds/define.js';
import { certifiedKindSpecs, issuedKindSpecs } from './kinds/index.js';
import { ukText } from './printed-text.js';

export { groundConditions, type GroundCondition, type GroundItem, type KindDefinition, type KindNeed, type KindSort } from './kinds/define.js';

/**
 * The catalogue of certificate kinds (R7.1, R7.5, R7.8, R7.9). Built-in kinds are the files of
 * `kinds/`; kinds added later by an executive committee decision (R7.15) are data of the same
 * shape and are evaluated by the same checklist code.
 */

export const ruleIdSchema = z.string().regex(/^R7\.\d+(\.\d+)?$/);

/** R7.1.1–4 (the ЦНАП issues), R7.5.1–12 (committee certificates it certifies), R7.8, R7.9. */
export const catalogue: readonly KindDefinition[] = [
  ...issuedKindSpecs.map((spec) => issuedKind(spec, ukText)),
  ...certifiedKindSpecs.map((spec) => certifiedKind(spec, ukText)),
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
    needs: kind.needsHousehold ? ['household'] : [],
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

/** Whether any of these kinds needs this case data (its form section, its check, its placeholders). */
export function kindsNeed(ids: readonly string[], need: KindNeed, customKinds: readonly CustomKind[] = []): boolean {
  return ids.some((id) => findKind(id, customKinds)?.needs.includes(need) === true);
}

/** Whether any of these kinds has a ground that depends on this fact of the case (the form asks it). */
export function kindsAskAbout(ids: readonly string[], condition: GroundCondition, customKinds: readonly CustomKind[] = []): boolean {
  return ids.some((id) => findKind(id, customKinds)?.grounds.some((item) => item.when === condition) === true);
}
