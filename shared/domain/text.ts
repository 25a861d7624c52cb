/**
 * Ukrainian names are typed with whatever apostrophe the keyboard gives (`'`, `’`, `ʼ`, `ʹ`, a
 * backtick). Stored and searched text uses one: U+02BC MODIFIER LETTER APOSTROPHE, which is a
 * letter for Unicode, so «Марʼяна» stays one word for the full-text index instead of «Мар» + «яна».
 */
export const UKRAINIAN_APOSTROPHE = '\u02BC';

const APOSTROPHE_VARIANTS = /['\u2019\u2018\u02B9`\u02BC]/g;

export function normalizeApostrophes(text: string): string {
  return text.replace(APOSTROPHE_VARIANTS, UKRAINIAN_APOSTROPHE);
}
