import uk from '../i18n/rules.uk.js';

/**
 * Ukrainian wording for printed documents and journal text. Everything printed for citizens is
 * Ukrainian whatever the interface language, so the rules read the same strings the Ukrainian
 * interface shows instead of keeping a second copy.
 */

export type TextParams = Record<string, string | number>;

function lookup(key: string): string | undefined {
  let node: unknown = uk;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(text: string, params: TextParams): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The Ukrainian text of a rules key, or undefined when there is none. */
export function findUkText(key: string, params: TextParams = {}): string | undefined {
  const text = lookup(key);
  return text === undefined ? undefined : interpolate(text, params);
}

/** The Ukrainian text of a rules key that must exist (a missing key is a programming error). */
export function ukText(key: string, params: TextParams = {}): string {
  const text = findUkText(key, params);
  if (text === undefined) throw new Error(`No Ukrainian text for ${key}`);
  return text;
}
