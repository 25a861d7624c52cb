import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BodiesTab } from './bodies-tab.js';
import { StreetsTab } from './streets-tab.js';
import { SignatoriesTab, OfficesTab, JournalsTab, UsersTab } from './people-tabs.js';

/** Reference data kept current with dates (R7.5 bodies and posts, R7.10/R7.13 signatories, R7.11 journals). */
export function DirectoriesScreen() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('ui.directories.title')}
      </Title>
      <Tabs defaultValue="bodies" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="bodies">{t('ui.directories.bodies')}</Tabs.Tab>
          <Tabs.Tab value="streets">{t('ui.directories.streets')}</Tabs.Tab>
          <Tabs.Tab value="signatories">{t('ui.directories.signatories')}</Tabs.Tab>
          <Tabs.Tab value="offices">{t('ui.directories.offices')}</Tabs.Tab>
          <Tabs.Tab value="journals">{t('ui.directories.journals')}</Tabs.Tab>
          <Tabs.Tab value="users">{t('ui.directories.users')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="bodies" pt="md">
          <BodiesTab />
        </Tabs.Panel>
        <Tabs.Panel value="streets" pt="md">
          <StreetsTab />
        </Tabs.Panel>
        <Tabs.Panel value="signatories" pt="md">
          <SignatoriesTab />
        </Tabs.Panel>
        <Tabs.Panel value="offices" pt="md">
          <OfficesTab />
        </Tabs.Panel>
        <Tabs.Panel value="journals" pt="md">
          <JournalsTab />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
