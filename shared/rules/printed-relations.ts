import { genderFromPatronymic } from '../domain/gender.js';
import type { Gender, HouseholdMember, Relation } from '../domain/person.js';
import { findUkText, ukText } from './printed-text.js';

/**
 * A household member's relation as the certificate prints it: one word that fits, never the form's
 * «свекруха (теща)». The in-laws depend on whose parent they are — a woman's husband's mother is
 * her «свекруха», a man's wife's mother his «теща» — so on the gender of the person the
 * certificate is about; «заявниця», «підопічна», «інша родичка» on the member's own gender (told
 * by the patronymic, or for the applicant's own row by the person the certificate is about).
 */
const IN_LAWS: readonly Relation[] = ['father_in_law', 'mother_in_law'];

function memberGender(member: HouseholdMember, subjectGender: Gender | undefined): Gender | undefined {
  return genderFromPatronymic(member.name.patronymic) ?? (member.relation === 'applicant' ? subjectGender : undefined);
}

export function printedRelation(member: HouseholdMember, subjectGender: Gender | undefined): string {
  const { relation } = member;
  const gender = IN_LAWS.includes(relation) ? subjectGender : memberGender(member, subjectGender);
  const variant = IN_LAWS.includes(relation) ? `${relation}_of_${gender ?? 'unknown'}` : `${relation}_${gender ?? 'unknown'}`;
  return findUkText(`rules.printedRelations.${variant}`) ?? ukText(`rules.relations.${relation}`);
}
