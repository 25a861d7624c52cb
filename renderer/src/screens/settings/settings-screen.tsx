import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import type { DeskOutput } from '../../desk/contract.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { pdfBlob, printPdf } from '../../components/pdf.js';
import { useSessionStore } from '../../stores/index.js';
import { asDeskError } from '../../stores/session-store.js';
import { BackupsPanel } from './backups-panel.js';
import { RequisitesPanel } from './requisites-panel.js';

type Settings = DeskOutput<'settings.get'>;
type Backups = DeskOutput<'backup.list'>;

/** Language (per workplace), and for the head: idle lock, backup folder, backups. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const isHead = useSessionStore((state) => state.user?.role === 'head');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [idle, setIdle] = useState(15);
  const [folder, setFolder] = useState('');
  const [offset, setOffset] = useState({ xMm: 105, yMm: 225 });
  const [backups, setBackups] = useState<Backups | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    desk
      .call('settings.get', {})
      .then((loaded) => {
        setSettings(loaded);
        setIdle(loaded.idleLockMinutes);
        setFolder(loaded.backupFolder ?? '');
        setOffset(loaded.inscriptionOffset);
        return isHead ? desk.call('backup.list', {}).then(setBackups) : undefined;
      })
      .catch((caught: unknown) => setFailure(asDeskError(caught)));
  }, [isHead]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      await action();
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const updated = await desk.call('settings.update', { idleLockMinutes: idle, inscriptionOffset: offset, backupFolder: folder.trim() ? folder.trim() : null });
      setSettings(updated);
      useSessionStore.getState().idleLockChanged(updated.idleLockMinutes);
      setSaved(true);
    });

  const printCalibration = () =>
    run(async () => {
      const { pdfBase64 } = await desk.call('documents.calibration', {});
      printPdf(pdfBlob(pdfBase64));
    });

  const reloadBackups = async () => {
    try {
      setBackups(await desk.call('backup.list', {}));
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  };

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        {t('ui.settings.title')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('ui.settings.language')}
          </Title>
          <Text size="sm">{t('ui.settings.languageHint')}</Text>
          <LanguageSwitch />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('ui.settings.printing')}
          </Title>
          <Text size="sm">{t('ui.settings.calibrationHint')}</Text>
          <Group>
            <Button variant="light" onClick={() => void printCalibration()} loading={busy}>
              {t('ui.settings.calibration')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {settings && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('ui.settings.desk')}
            </Title>
            <NumberInput label={t('ui.settings.idleLock')} description={t('ui.settings.idleLockHint')} min={1} max={240} value={idle} onChange={(value) => setIdle(typeof value === 'number' ? value : idle)} disabled={!isHead} />
            <Group grow>
              <NumberInput label={t('ui.settings.offsetX')} description={t('ui.settings.offsetHint')} min={0} max={200} value={offset.xMm} onChange={(value) => setOffset({ ...offset, xMm: typeof value === 'number' ? value : offset.xMm })} disabled={!isHead} />
              <NumberInput label={t('ui.settings.offsetY')} description={t('ui.settings.offsetHint')} min={0} max={290} value={offset.yMm} onChange={(value) => setOffset({ ...offset, yMm: typeof value === 'number' ? value : offset.yMm })} disabled={!isHead} />
            </Group>
            <TextInput label={t('ui.settings.backupFolder')} description={t('ui.settings.backupFolderHint')} value={folder} onChange={(event) => setFolder(event.currentTarget.value)} disabled={!isHead} />
            {isHead ? (
              <Group>
                <Button onClick={() => void save()} loading={busy}>
                  {t('ui.common.save')}
                </Button>
                {saved && <Text role="status">{t('ui.settings.saved')}</Text>}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('ui.settings.headOnly')}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
      <ErrorAlert error={failure} />
      {isHead && <RequisitesPanel />}
      {isHead && backups && <BackupsPanel backups={backups} onChanged={reloadBackups} />}
    </Stack>
  );
}
