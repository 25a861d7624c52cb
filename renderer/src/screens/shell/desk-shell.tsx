import { useCallback, useEffect } from 'react';
import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../stores/index.js';
import { useNavStore, type Screen } from '../../stores/nav-store.js';
import { shortcutFor, useShortcutStore } from '../../stores/shortcut-store.js';
import { useIdleLock } from '../../hooks/use-idle-lock.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { TrainingBanner } from '../../components/training-banner.js';
import { RegisterHealthBanner } from '../../components/register-health.js';
import { useIssueStore } from '../issue/issue-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { ScreenView } from './screen-view.js';

const navigation: readonly { screen: Screen; hint?: string }[] = [
  { screen: 'issue', hint: 'Alt+N' },
  { screen: 'certify' },
  { screen: 'journal', hint: 'Alt+F' },
  { screen: 'directories' },
  { screen: 'templates' },
  { screen: 'reports' },
  { screen: 'verify' },
  { screen: 'exchange' },
  { screen: 'settings' },
  { screen: 'about' },
];

export function DeskShell() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const trainingMode = useSessionStore((state) => state.appInfo?.trainingMode ?? false);
  const idleLockMinutes = useSessionStore((state) => state.idleLockMinutes);
  const lock = useSessionStore((state) => state.lock);
  const logout = useSessionStore((state) => state.logout);
  const screen = useNavStore((state) => state.screen);
  const go = useNavStore((state) => state.go);
  useIdleLock(idleLockMinutes, useCallback(() => void lock(), [lock]), true);
  useGlobalShortcuts();
  const officeId = user?.officeId ?? '';
  const loadReference = useReferenceStore((state) => state.load);
  const offices = useReferenceStore((state) => state.offices);
  const office = offices.find((candidate) => candidate.id === officeId);
  useEffect(() => {
    if (officeId) void loadReference(officeId).catch(() => undefined);
  }, [officeId, loadReference]);

  return (
    <AppShell header={{ height: trainingMode ? 104 : 72 }} navbar={{ width: 230, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <TrainingBanner visible={trainingMode} />
        <Group h={72} px="md" justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Title order={2} size="h4">
              {t('ui.app.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {office ? `${office.name} (${office.code})` : t('ui.app.cnap')}
            </Text>
          </Stack>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end">
              <Text fw={600}>{user?.fullName}</Text>
              <Badge variant="light" size="md">
                {user ? t(`ui.roles.${user.role}`) : ''}
              </Badge>
            </Stack>
            <LanguageSwitch />
            <Button variant="default" size="sm" onClick={() => void lock()}>
              {t('ui.shell.lock')}
            </Button>
            <Button variant="default" size="sm" onClick={() => void logout()}>
              {t('ui.shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('ui.shell.navigation')}>
        <ScrollArea>
          {navigation.map((item) => (
            <NavLink
              key={item.screen}
              component="button"
              label={<Text size="md">{t(`ui.nav.${item.screen}`)}</Text>}
              description={item.hint}
              active={screen === item.screen}
              aria-current={screen === item.screen ? 'page' : undefined}
              onClick={() => go(item.screen)}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <RegisterHealthBanner isHead={user?.role === 'head'} />
        <ScreenView screen={screen} />
      </AppShell.Main>
    </AppShell>
  );
}

function useGlobalShortcuts(): void {
  const go = useNavStore((state) => state.go);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'newCertificate') {
        useIssueStore.getState().startNew();
        go('issue');
      } else if (action === 'search') {
        go('journal');
        useShortcutStore.getState().requestSearch();
      } else {
        useShortcutStore.getState().printHandler?.();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}
