import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobResultOf } from '../../../shared/contract/channels/jobs.js';
import { desk } from '../desk/client.js';
import { JobProgress, type JobEnd } from './job-progress.js';

/**
 * Asks first, then follows the restore. A restore logs everyone out at its end; the job's final
 * status is still readable by this window, so the outcome is shown before the return to the login.
 */
export function RestoreDialog({ name, onClose, onCancelled }: { name: string; onClose: () => void; onCancelled: () => void }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<'confirm' | 'running' | 'ended'>('confirm');
  const [restored, setRestored] = useState<JobResultOf<'restore'> | null>(null);

  const ended = (end: JobEnd) => {
    setPhase('ended');
    if (end === 'cancelled') onCancelled();
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened onClose={() => phase !== 'running' && onClose()} withCloseButton={phase !== 'running'} title={t('ui.jobs.title.restore')} size="lg">
      <Stack>
        {phase === 'confirm' ? (
          <>
            <Text>{t('ui.health.confirmRestore', { name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('ui.jobs.close')}
              </Button>
              <Button color="red" onClick={() => setPhase('running')}>
                {t('ui.health.restore')}
              </Button>
            </Group>
          </>
        ) : (
          <JobProgress kind="restore" withTitle={false} start={() => desk.call('backup.restore', { name })} onResult={setRestored} onEnd={ended} />
        )}
        {restored && (
          <>
            <Text role="status">{t('ui.jobs.restoreDone', { name: restored.restoredFrom, saved: restored.savedCurrentAs.name })}</Text>
            <Group justify="flex-end">
              {/* Everyone was logged out: a fresh start of the window shows the login. */}
              <Button onClick={() => window.location.reload()}>{t('ui.jobs.toLogin')}</Button>
            </Group>
          </>
        )}
        {phase === 'ended' && !restored && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.jobs.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
