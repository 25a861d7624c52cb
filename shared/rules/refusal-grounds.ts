import { z } from 'zod';
import { freeTextSchema } from '../domain/validation/free-text.js';
import { rulePoint } from './rule-point.js';

/**
 * The grounds on which the desk may refuse, as the regulation lists them: R7.4.1–5 for a certificate
 * the ЦНАП issues, R7.6.1–6 for a certification. Three more points the desk's own checks rest on:
 * R7.1 (the documents a kind is issued on) and R7.15 (those a decision added), R7.5 / R7.8 (how a
 * body's certificate is signed, dated and sealed), and R7.16 (a fact no certificate can confirm).
 * Every refusal names grounds from this list only; the wording printed on the notice is the
 * Ukrainian one, the English one is for the interface.
 */

export type RefusalPath = 'certificate' | 'certification';

export interface RefusalGroundDefinition {
  /** The regulation's point; stored as the refusal ground's `ruleId`. */
  readonly id: string;
  readonly paths: readonly RefusalPath[];
  /** A ground covering several cases (which document, which data) must say in words which one. */
  readonly needsDetails: boolean;
  readonly wording: { readonly uk: string; readonly en: string };
}

const ground = (id: string, paths: readonly RefusalPath[], needsDetails: boolean, uk: string, en: string): RefusalGroundDefinition => ({
  id,
  paths,
  needsDetails,
  wording: { uk, en },
});

const ISSUE: readonly RefusalPath[] = ['certificate'];
const CERTIFY: readonly RefusalPath[] = ['certification'];
const BOTH: readonly RefusalPath[] = ['certificate', 'certification'];

const IDENTITY_UK = 'не подано документ, що посвідчує особу (паспорт заявника, ID-картка, посвідка на тимчасове або постійне проживання)';
const IDENTITY_EN = "no identity document presented (the applicant's passport, ID card, temporary or permanent residence permit)";
const HOUSING_UK = 'не подано будинкову книгу (приватний сектор) або поквартирні картки (багатоповерхові будинки)';
const HOUSING_EN = 'no house book (private sector) or apartment cards (multi-storey buildings) presented';
const ATTORNEY_UK = 'не подано довіреність у разі дій від імені третьої особи';
const ATTORNEY_EN = 'no power of attorney presented when acting for a third person';
const TITLE_UK = 'не подано свідоцтво про право власності на житло або інший документ, що підтверджує, що житло належить особі (на вимогу адміністратора)';
const TITLE_EN = "no title deed to the dwelling or another document proving it is the person's (asked for by the administrator)";

export const refusalGroundList: readonly RefusalGroundDefinition[] = [
  ground('R7.4.1', ISSUE, false, IDENTITY_UK, IDENTITY_EN),
  ground('R7.4.2', ISSUE, false, HOUSING_UK, HOUSING_EN),
  ground('R7.4.3', ISSUE, false, 'не подано свідоцтва про народження дітей', "children's birth certificates not presented"),
  ground('R7.4.4', ISSUE, false, ATTORNEY_UK, ATTORNEY_EN),
  ground('R7.4.5', ISSUE, false, TITLE_UK, TITLE_EN),
  ground(
    'R7.1',
    ISSUE,
    true,
    'не подано документи, на підставі яких видається довідка цього виду',
    'documents this kind of certificate is issued on were not presented',
  ),
  ground('R7.6.1', CERTIFY, false, IDENTITY_UK, IDENTITY_EN),
  ground('R7.6.2', CERTIFY, false, HOUSING_UK, HOUSING_EN),
  ground(
    'R7.6.3',
    CERTIFY,
    false,
    'не подано свідоцтва про народження дітей, відомості про яких містить довідка',
    'birth certificates of the children the certificate names were not presented',
  ),
  ground('R7.6.4', CERTIFY, false, ATTORNEY_UK, ATTORNEY_EN),
  ground('R7.6.5', CERTIFY, false, TITLE_UK, TITLE_EN),
  ground(
    'R7.6.6',
    CERTIFY,
    true,
    'відомості, зазначені в довідці (персональні дані), не відповідають поданим документам',
    "the certificate's data (personal data) do not match the documents presented",
  ),
  ground(
    'R7.5',
    CERTIFY,
    true,
    'довідку не підписано головою квартального (будинкового) комітету, а за його відсутності — заступником голови, не зазначено дату її видачі або не скріплено печаткою органу',
    "the certificate is not signed by the committee's head (or the deputy in the head's absence), not dated, or not sealed with the body's seal",
  ),
  ground(
    'R7.8',
    CERTIFY,
    true,
    'довідку не підписано головою обʼєднання співвласників багатоквартирного будинку або не скріплено печаткою ОСББ',
    "the certificate is not signed by the condominium association's head or not sealed with its seal",
  ),
  ground(
    'R7.15',
    BOTH,
    true,
    'не подано документи, визначені рішенням виконавчого комітету, яким запроваджено цей вид довідки',
    'documents required by the executive committee decision that introduced this kind were not presented',
  ),
  ground(
    'R7.16',
    BOTH,
    false,
    'довідкою не може бути засвідчений факт, за підтвердженням якого звернувся заявник (він встановлюється у визначеному законодавством порядку, зокрема в судовому)',
    'a certificate cannot confirm the fact the applicant asks to confirm (it is established as the law sets, e.g. by a court)',
  ),
];

export const refusalGroundIds = refusalGroundList.map((definition) => definition.id) as [string, ...string[]];

/** The grounds a refusal of this path may name, in the regulation's order. */
export function groundsFor(path: RefusalPath): RefusalGroundDefinition[] {
  return refusalGroundList.filter((definition) => definition.paths.includes(path));
}

export function findRefusalGround(id: string): RefusalGroundDefinition | undefined {
  return refusalGroundList.find((definition) => definition.id === id);
}

/**
 * The ground a stored refusal's rule falls under, for reports: the list's own point, or for a
 * refusal registered before grounds were chosen from the list (its rule a sub-point such as
 * `R7.1.4`), the point it belongs to (R7.1).
 */
export function refusalGroundOf(ruleId: string): RefusalGroundDefinition | undefined {
  return findRefusalGround(ruleId) ?? findRefusalGround(ruleId.replace(/^(R\d+\.\d+)\.\d+$/, '$1'));
}

export const REFUSAL_DETAILS_MAX = 600;

/** One ground the administrator chose, with the words that say what exactly is missing or wrong. */
export const chosenRefusalGroundSchema = z
  .object({
    ruleId: z.enum(refusalGroundIds, { message: 'validation.refusal.unknownGround' }),
    details: freeTextSchema(REFUSAL_DETAILS_MAX),
  })
  .strict();
export type ChosenRefusalGround = z.output<typeof chosenRefusalGroundSchema>;

export interface RefusalGroundProblem {
  /** `grounds`, or `grounds.<index>.details` / `grounds.<index>.ruleId`. */
  readonly path: string;
  readonly messageKey: string;
  readonly params?: Record<string, string>;
}

/**
 * What is wrong with the chosen grounds of a refusal of this path: none chosen, one outside the
 * path's list, one named twice, or one that needs words left without them. The dialog shows these
 * at the ground they concern; main refuses the refusal with them, before anything is written.
 */
export function refusalGroundProblems(path: RefusalPath, chosen: readonly { ruleId: string; details: string }[]): RefusalGroundProblem[] {
  if (chosen.length === 0) return [{ path: 'grounds', messageKey: 'validation.refusal.noGround' }];
  const allowed = groundsFor(path);
  return chosen.flatMap((choice, index): RefusalGroundProblem[] => {
    const definition = allowed.find((candidate) => candidate.id === choice.ruleId);
    const params = { point: rulePoint(choice.ruleId) };
    if (!definition) return [{ path: `grounds.${index}.ruleId`, messageKey: 'validation.refusal.groundNotForPath', params }];
    if (chosen.findIndex((other) => other.ruleId === choice.ruleId) !== index) {
      return [{ path: `grounds.${index}.ruleId`, messageKey: 'validation.refusal.groundTwice', params }];
    }
    if (definition.needsDetails && choice.details.trim() === '') {
      return [{ path: `grounds.${index}.details`, messageKey: 'validation.refusal.detailsNeeded', params }];
    }
    return [];
  });
}

/**
 * The ground as the notice prints it and the journal keeps it: «п. 7.4.2 — не подано будинкову
 * книгу …: будинкова книга (приватний сектор).» The point is held to its number by a no-break space.
 */
export function printedGroundText(definition: RefusalGroundDefinition, details: string): string {
  const words = details.trim().replace(/[.;:\s]+$/u, '');
  return `п.\u00a0${rulePoint(definition.id)} — ${definition.wording.uk}${words ? `: ${words}` : ''}.`;
}
