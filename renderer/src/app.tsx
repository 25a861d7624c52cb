import { useEffect } from 'react';
import { Button, Center, Container, Divider, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from './stores/index.js';
import { PublicHeader } from './components/public-header.js';
import { TrainingBanner } from './components/training-banner.js';
import { ErrorAlert } from './components/error-alert.js';
import { SetupWizard } from './screens/setup/setup-wizard.js';
import { LoginScreen } from './screens/login/login-screen.js';
import { DeskShell } from './screens/shell/desk-shell.js';
import { WorkplaceInstall } from './screens/exchange/workplace-install.js';

export function App() {
  const phase = useSessionStore((state) => state.phase);
  const start = useSessionStore((state) => state.start);
  const trainingMode = useSessionStore((state) => state.appInfo?.trainingMode ?? false);

  useEffect(() => {
    void start();
  }, [start]);

  if (phase === 'ready') return <DeskShell />;
  return (
    <>
      <TrainingBanner visible={trainingMode} />
      <PublicHeader />
      <main>
        {phase === 'starting' && <Starting />}
        {phase === 'unreachable' && <Unreachable />}
        {phase === 'setup' && <FirstRun />}
        {(phase === 'login' || phase === 'locked') && <LoginScreen key={phase} locked={phase === 'locked'} />}
      </main>
    </>
  );
}

/** A new desk is either the central register (the wizard) or a remote workplace installed from its package. */
function FirstRun() {
  const { t } = useTranslation();
  const setupDone = useSessionStore((state) => state.setupDone);
  // A remote workplace never fills the wizard: its way in is offered before the first field.
  const toInstall = () => {
    const section = document.getElementById('workplace-install');
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLInputElement>('input[type=file]')?.focus();
  };
  return (
    <>
      <Container size="md" pt="sm">
        <Button variant="light" onClick={toInstall}>
          {t('deskHead.workplaceInstead')}
        </Button>
      </Container>
      <SetupWizard />
      <Container size="md" pb="xl" id="workplace-install">
        <Divider my="md" />
        <Title order={2} size="h3" mb="sm">
          {t('exchange.workplace.import')}
        </Title>
        <WorkplaceInstall onInstalled={setupDone} />
      </Container>
    </>
  );
}

function Starting() {
  const { t } = useTranslation();
  return (
    <Center h={300}>
      <Loader aria-label={t('ui.common.loading')} />
    </Center>
  );
}

function Unreachable() {
  const { t } = useTranslation();
  const error = useSessionStore((state) => state.startError);
  const start = useSessionStore((state) => state.start);
  return (
    <Center p="xl">
      <Stack maw={560}>
        <Title order={1} size="h3">
          {t('ui.app.unreachableTitle')}
        </Title>
        <Text size="lg">{t('ui.app.unreachable')}</Text>
        <ErrorAlert error={error} />
        <Button onClick={() => void start()}>{t('ui.common.retry')}</Button>
      </Stack>
    </Center>
  );
}
