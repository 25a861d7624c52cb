import { Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.js';

/** The header before login: the product name and the language switch, present on every screen. */
export function PublicHeader() {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" px="lg" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Title order={2} size="h3">
        {t('ui.app.title')}
      </Title>
      <LanguageSwitch />
    </Group>
  );
}
