import rulesEn from '../i18n/rules.en.js';
import rulesUk from '../i18n/rules.uk.js';
import type { Relation } from './person.js';

/**
 * How a household member's relation to the applicant is printed in the family table (R7.1.2) and
 * offered in the form: one source, the rules' translations, so the form, the template values and
 * the PDF table can never disagree.
 */
export const relationLabelsUk: Readonly<Record<Relation, string>> = rulesUk.rules.relations;

/** English labels for the interface in English; documents are always printed in Ukrainian. */
export const relationLabelsEn: Readonly<Record<Relation, string>> = rulesEn.rules.relations;
