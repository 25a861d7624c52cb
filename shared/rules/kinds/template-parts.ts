/**
 * Sentences several issued kinds' default templates share (R7.3), written in the usual wording of
 * Ukrainian municipal certificates. The header, the title, the household table, the signatory and
 * the seal are laid out by the PDF code around the template's body.
 */

export const PURPOSE = 'Довідка видана {{purpose}}.';
/** The addressee, with the date of birth only when the entry has one. */
export const ISSUED_TO = 'Видана гр. {{subject.dative}}[[, {{subject.birthDate}} р. н.]], в тому, що';
/** Registration and family open alike, so a combined certificate (R7.2) says it once. */
export const REGISTERED_AT = `${ISSUED_TO} {{він|вона}} дійсно {{зареєстрований|зареєстрована}} за адресою: {{address}}.`;
/** Each presented document once; the house book as «записи будинкової книги» (R7.4.2). */
export const GROUNDS = 'Підстава: {{grounds}}.';
