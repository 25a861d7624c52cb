import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BodiesTab } from './bodies-tab.js';
import { StreetsTab } from './streets-tab.js';
import { SignatoriesTab, OfficesTab, JournalsTab, UsersTab } from './people-tabs.js';

/** Each tab: its key in `ui.directories` (the tab's name) and what it shows. */
const tabs = [
  ['bodies', BodiesTab],
  ['streets', StreetsTab],
  ['signatories', SignatoriesTab],
  ['offices', OfficesTab],
  ['journals', JournalsTab],
  ['users', UsersTab],
] as const;

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
          {tabs.map(([key]) => (
            <Tabs.Tab key={key} value={key}>
              {t(`ui.directories.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(([key, Tab]) => (
          <Tabs.Panel key={key} value={key} pt="md">
            <Tab />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
