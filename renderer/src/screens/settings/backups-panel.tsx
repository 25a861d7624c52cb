import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import type { DeskOutput } from '../../desk/contract.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { JobProgress, type JobEnd } from '../../components/job-progress.js';
import { RestoreDialog } from '../../components/restore-dialog.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

type Backups = DeskOutput<'backup.list'>;

/** The head's backups: make one now, see the list, restore one — each a job with progress. */
export function BackupsPanel({ backups, onChanged }: { backups: Backups; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [backingUp, setBackingUp] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  const startBackup = () => {
    setNotice(null);
    setFailure(null);
    setBackingUp(true);
  };

  const backupEnded = (end: JobEnd, error: DeskError | null) => {
    setBackingUp(false);
    if (end === 'cancelled') setNotice(t('ui.jobs.cancelled'));
    if (end === 'failed') setFailure(error);
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('ui.settings.backups')}
          </Title>
          <Button variant="light" onClick={startBackup} disabled={backingUp || restoring !== null}>
            {t('ui.settings.backupNow')}
          </Button>
        </Group>
        <Text size="sm">{t('ui.settings.backupWhere', { folder: backups.folder })}</Text>
        {backingUp && (
          <JobProgress kind="backup" start={() => desk.call('backup.create', {})} onResult={() => void onChanged()} onEnd={backupEnded} />
        )}
        {notice && <Text role="status">{notice}</Text>}
        <ErrorAlert error={failure} />
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.settings.backupName')}</Table.Th>
              <Table.Th>{t('ui.settings.backupAt')}</Table.Th>
              <Table.Th>{t('ui.settings.backupSize')}</Table.Th>
              <Table.Th>{t('ui.jobs.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.items.map((item) => (
              <Table.Tr key={item.name}>
                <Table.Td>{item.name}</Table.Td>
                <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                <Table.Td>{t('ui.settings.kilobytes', { value: formatNumber(Math.ceil(item.bytes / 1024), language) })}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" disabled={backingUp} onClick={() => setRestoring(item.name)} aria-label={`${t('ui.health.restore')}: ${item.name}`}>
                    {t('ui.health.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {restoring && <RestoreDialog name={restoring} onClose={() => setRestoring(null)} onCancelled={() => void onChanged()} />}
    </Paper>
  );
}
