import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../../shared/contract/errors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { desk } from '../../desk/client.js';
import { readFileAsBase64 } from './exchange-files.js';

/**
 * Before the first-run setup only: installs this desk as a remote workplace from the package the
 * department head issued, with the one-time passphrase (R3.5). `onInstalled` goes to login.
 */
export function WorkplaceInstall({ onInstalled }: { onInstalled: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskError | null>(null);
  const [installed, setInstalled] = useState<string | null>(null);

  const install = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await desk.call('exchange.importWorkplace', { dataBase64: await readFileAsBase64(file), passphrase });
      setInstalled(result.officeCode);
      onInstalled();
    } catch (caught) {
      setError(caught instanceof DeskError ? caught : new DeskError('internal'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={520}>
      <label>
        <Text size="sm" fw={500}>
          {t('exchange.chooseFile')}
        </Text>
        <input type="file" accept=".cnapworkplace" aria-label={t('exchange.chooseFile')} onChange={(event: ChangeEvent<HTMLInputElement>) => setFile(event.currentTarget.files?.[0] ?? null)} />
      </label>
      <TextInput label={t('exchange.workplace.passphraseLabel')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} autoComplete="off" />
      <Button onClick={() => void install()} loading={busy} disabled={!file || passphrase.trim().length === 0}>
        {t('exchange.workplace.import')}
      </Button>
      <ErrorAlert error={error} />
      {installed && <Alert color="green">{t('exchange.workplace.installed', { office: installed })}</Alert>}
    </Stack>
  );
}
