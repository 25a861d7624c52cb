import { z } from 'zod';
import { normalizeApostrophes } from '../text.js';

/**
 * Free text an administrator types into a form (purpose, a document's issuer, a note…) is stored
 * in an immutable entry and printed on the document a citizen receives. It gets the rules the
 * address fields have (NFC, one apostrophe, trimmed, single spaces), and refuses what no printed
 * text holds: control characters (NUL, ESC, BEL, CR, LF, tab — an escape sequence would print as
 * «[31m»), format characters (U+202E and the other direction overrides, zero-width spaces and
 * joiners, the BOM, soft hyphens), line and paragraph separators, lone surrogates, private-use
 * and unassigned code points. Refused, not removed: nothing the administrator typed is silently
 * altered beyond spacing.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

export const FREE_TEXT_CHARACTERS = 'validation.text.characters';

/** Whether the text holds any character that no printed field may hold (a lone surrogate is `\p{Cs}` under /u). */
export function hasUnprintableCharacters(text: string): boolean {
  return UNPRINTABLE.test(text);
}

function tidy(value: string): string {
  return normalizeApostrophes(value.normalize('NFC')).trim().replace(/ {2,}/g, ' ');
}

/** One line of free text, `min`–`max` characters once tidied. */
export function freeTextSchema(max: number, min = 0) {
  return z
    .string()
    .refine((value) => !hasUnprintableCharacters(value), FREE_TEXT_CHARACTERS)
    .transform(tidy)
    .pipe(z.string().min(min).max(max));
}

/**
 * Several lines of free text (an annulment's reason, a decision's point, a note on a restore):
 * the one-line rules on every line, with CR LF and CR read as LF and blank runs kept to one empty
 * line. Every other control or format character is refused as in one line.
 */
export function freeTextBlockSchema(max: number, min = 0) {
  return z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .refine((value) => !hasUnprintableCharacters(value.replace(/\n/g, ' ')), FREE_TEXT_CHARACTERS)
    .transform((value) => value.split('\n').map(tidy).join('\n').replace(/\n{3,}/g, '\n\n').trim())
    .pipe(z.string().min(min).max(max));
}

/** Text of a fixed format checked elsewhere (a document's series or number): only the characters are refused here. */
export const printableTextSchema = (max: number) => z.string().max(max).refine((value) => !hasUnprintableCharacters(value), FREE_TEXT_CHARACTERS);

/**
 * Every string anywhere in `value` (an entry's content as main is about to write it), with the
 * path of the first one holding an unprintable character: main's own check, whatever the
 * channel or the form sent.
 */
export function firstUnprintableText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return hasUnprintableCharacters(value) ? path.join('.') : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstUnprintableText(item, [...path, String(index)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = firstUnprintableText(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
