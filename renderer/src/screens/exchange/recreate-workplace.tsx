import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficesOverviewShape } from '../../../../shared/contract/channels/exchange.js';
import { desk } from '../../desk/client.js';
import { downloadPackage } from './exchange-files.js';

type OfficeRow = OfficesOverviewShape['offices'][number];

/**
 * R3.5, section E: a dead office PC with no backup. The head states, for each journal, this
 * year's last number in the dead PC's paper journal; numbers past the centre's last entry up to
 * it are recorded as lost, and the new PC's package continues after both.
 */
export function RecreateWorkplace({
  office,
  run,
  busy,
  onPassphrase,
}: {
  office: OfficeRow;
  run: (work: () => Promise<string>) => Promise<void>;
  busy: boolean;
  onPassphrase: (passphrase: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [numbers, setNumbers] = useState<Record<string, number | string>>({});
  const [statement, setStatement] = useState('');
  const recreate = () =>
    run(async () => {
      const lastNumbers = office.journals.map((journal) => ({ journalId: journal.journalId, lastNumber: Number(numbers[journal.journalId] ?? 0) || 0 }));
      const result = await desk.call('exchange.recreateWorkplace', { officeId: office.officeId, lastNumbers, statement });
      downloadPackage(result.dataBase64, result.fileName);
      onPassphrase(result.passphrase);
      setOpen(false);
      const lost = result.lost.map((line) => t('exchange.recreate.lostLine', { index: line.journalIndex, year: line.year, from: line.fromNumber, to: line.toNumber }));
      return [t('exchange.recreate.done', { fileName: result.fileName }), ...(lost.length > 0 ? lost : [t('exchange.recreate.nothingLost')])].join(' ');
    });
  if (!open) {
    return (
      <Button variant="default" color="red" onClick={() => setOpen(true)} disabled={busy}>
        {t('exchange.recreate.open')}
      </Button>
    );
  }
  return (
    <Alert color="orange" title={t('exchange.recreate.title', { office: office.officeCode })}>
      <Stack gap="xs">
        <Text size="sm">{t('exchange.recreate.explain')}</Text>
        <Group align="end">
          {office.journals.map((journal) => (
            <NumberInput
              key={journal.journalId}
              label={t('exchange.recreate.lastNumber', { index: journal.index })}
              min={0}
              max={999_999}
              allowDecimal={false}
              value={numbers[journal.journalId] ?? ''}
              onChange={(value) => setNumbers((current) => ({ ...current, [journal.journalId]: value }))}
              w={320}
            />
          ))}
        </Group>
        <TextInput label={t('exchange.recreate.statement')} value={statement} onChange={(event) => setStatement(event.currentTarget.value)} maw={640} />
        <Group>
          <Button color="red" onClick={() => void recreate()} loading={busy} disabled={statement.trim().length < 3}>
            {t('exchange.recreate.confirm')}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)} disabled={busy}>
            {t('exchange.recreate.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
