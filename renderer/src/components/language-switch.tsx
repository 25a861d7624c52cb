import { Button, Group } from '@mantine/core';
import { changeLanguage, useLanguage } from '../i18n/index.js';
import { languages, type Language } from '../i18n/languages.js';

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
const ownNames: Record<Language, string> = { uk: 'Українська', en: 'English' };

export function LanguageSwitch() {
  const current = useLanguage();
  return (
    <Group gap={4} role="group" aria-label={`${ownNames.uk} / ${ownNames.en}`}>
      {languages.map((language) => (
        <Button
          key={language}
          lang={language}
          size="sm"
          variant={language === current ? 'filled' : 'default'}
          aria-pressed={language === current}
          onClick={() => void changeLanguage(language)}
        >
          {ownNames[language]}
        </Button>
      ))}
    </Group>
  );
}
