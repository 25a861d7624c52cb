export const languages = ['uk', 'en'] as const;
export type Language = (typeof languages)[number];

export const LANGUAGE_STORAGE_KEY = 'desk.language';

/** Intl locale per interface language, for numbers (dates are dd.MM.yyyy in both: format.ts). */
export const intlLocale: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return value === 'uk' || value === 'en';
}
