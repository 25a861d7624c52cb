import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { mergeFragments, type Fragment } from './merge-fragments.js';
import { isLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages.js';

// Every area keeps its strings in shared/i18n/<area>.<lang>.ts; the renderer merges them all.
const ukModules = import.meta.glob<{ default: Fragment }>('../../../shared/i18n/*.uk.ts', { eager: true });
const enModules = import.meta.glob<{ default: Fragment }>('../../../shared/i18n/*.en.ts', { eager: true });

export const resources = {
  uk: { translation: mergeFragments(Object.values(ukModules).map((module) => module.default)) },
  en: { translation: mergeFragments(Object.values(enModules).map((module) => module.default)) },
};

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'uk';
  } catch {
    return 'uk';
  }
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'uk',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(i18next.language);
  return i18next;
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // A locked-down profile without storage still switches for this session.
  }
  applyDocumentLanguage(language);
}

/** The current interface language, typed. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'uk';
}
