import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import type { JournalYearStart } from '../../../../shared/domain/journal-year-starts.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { kyivToday } from '../../i18n/format.js';
import { asDeskError } from '../../stores/session-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';

/**
 * Section E: a journal that continues a paper one mid-year. The head names the paper journal's
 * last number and who closed it; the desk's first entry of the year takes the next number. Set
 * once, before the year's first entry — the main process refuses anything else.
 */
export function PaperJournalButton() {
  const { t } = useTranslation();
  const journals = useReferenceStore((state) => state.journals);
  const defaultJournalId = useReferenceStore((state) => state.journalId);
  const [opened, setOpened] = useState(false);
  const [journalId, setJournalId] = useState<string | null>(defaultJournalId);
  const [starts, setStarts] = useState<JournalYearStart[]>([]);
  const [lastNumber, setLastNumber] = useState<number | ''>('');
  const [closedBy, setClosedBy] = useState('');
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const year = Number(kyivToday().slice(0, 4));
  const chosen = journalId ?? defaultJournalId;

  useEffect(() => {
    if (!opened || !chosen) return;
    desk.call('journals.yearStarts.list', { journalId: chosen }).then(setStarts, (caught: unknown) => setFailure(asDeskError(caught)));
  }, [opened, chosen]);

  const submit = async () => {
    if (!chosen || lastNumber === '') return;
    setBusy(true);
    setFailure(null);
    try {
      const start = await desk.call('journals.yearStarts.set', { journalId: chosen, paperLastNumber: lastNumber, paperClosedBy: closedBy });
      setStarts((current) => [...current, start]);
      setLastNumber('');
      setClosedBy('');
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('ui.paperJournal.open')}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened={opened} onClose={() => setOpened(false)} title={t('ui.paperJournal.title')}>
        <Stack>
          <Text size="sm">{t('ui.paperJournal.hint')}</Text>
          <Select
            label={t('ui.journal.journal')}
            data={journals.map((journal) => ({ value: journal.id, label: `${journal.index} — ${journal.title}` }))}
            value={chosen}
            onChange={setJournalId}
            allowDeselect={false}
          />
          {starts.length > 0 && (
            <List size="sm" aria-label={t('ui.paperJournal.title')}>
              {starts.map((start) => (
                <List.Item key={start.year}>
                  {t('ui.paperJournal.continued', { year: start.year, first: start.firstNumber, last: start.paperLastNumber, closedBy: start.paperClosedBy, name: start.setByName })}
                </List.Item>
              ))}
            </List>
          )}
          <Group grow align="flex-start">
            <NumberInput label={t('ui.paperJournal.paperLastNumber')} min={1} max={999_999} allowDecimal={false} value={lastNumber} onChange={(value) => setLastNumber(typeof value === 'number' ? value : '')} />
            <TextInput label={t('ui.paperJournal.paperClosedBy')} value={closedBy} onChange={(event) => setClosedBy(event.currentTarget.value)} />
          </Group>
          {lastNumber !== '' && (
            <Alert variant="light" role="status">
              {t('ui.paperJournal.firstNumber', { year, number: lastNumber + 1 })}
            </Alert>
          )}
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button onClick={() => void submit()} loading={busy} disabled={lastNumber === '' || closedBy.trim().length < 3}>
              {t('ui.paperJournal.set')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
