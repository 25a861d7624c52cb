import type { Relation } from './person.js';

/** How a household member's relation to the applicant is printed in the family table (R7.1.2). */
export const relationLabelsUk: Readonly<Record<Relation, string>> = {
  applicant: 'заявник',
  husband: 'чоловік',
  wife: 'дружина',
  son: 'син',
  daughter: 'дочка',
  father: 'батько',
  mother: 'мати',
  brother: 'брат',
  sister: 'сестра',
  grandson: 'онук',
  granddaughter: 'онука',
  grandfather: 'дідусь',
  grandmother: 'бабуся',
  son_in_law: 'зять',
  daughter_in_law: 'невістка',
  father_in_law: 'свекор (тесть)',
  mother_in_law: 'свекруха (теща)',
  stepson: 'пасинок',
  stepdaughter: 'падчерка',
  ward: 'підопічний (підопічна)',
  other: 'інший родич',
};

/** English labels for the interface in English; documents are always printed in Ukrainian. */
export const relationLabelsEn: Readonly<Record<Relation, string>> = {
  applicant: 'applicant',
  husband: 'husband',
  wife: 'wife',
  son: 'son',
  daughter: 'daughter',
  father: 'father',
  mother: 'mother',
  brother: 'brother',
  sister: 'sister',
  grandson: 'grandson',
  granddaughter: 'granddaughter',
  grandfather: 'grandfather',
  grandmother: 'grandmother',
  son_in_law: 'son-in-law',
  daughter_in_law: 'daughter-in-law',
  father_in_law: 'father-in-law',
  mother_in_law: 'mother-in-law',
  stepson: 'stepson',
  stepdaughter: 'stepdaughter',
  ward: 'ward',
  other: 'other relative',
};

