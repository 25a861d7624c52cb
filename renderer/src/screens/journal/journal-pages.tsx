import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { downloadBlob, pdfBlob, printPdf } from '../../components/pdf.js';
import { kyivToday } from '../../i18n/format.js';
import { asDeskError } from '../../stores/session-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';

/** Journal pages for a date range, printed for the recipients' signatures (R7.7). */
export function JournalPagesButton() {
  const { t } = useTranslation();
  const journals = useReferenceStore((state) => state.journals);
  const defaultJournalId = useReferenceStore((state) => state.journalId);
  const [opened, setOpened] = useState(false);
  const [journalId, setJournalId] = useState<string | null>(defaultJournalId);
  const [dateFrom, setDateFrom] = useState(kyivToday());
  const [dateTo, setDateTo] = useState(kyivToday());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskError | null>(null);

  const run = async (print: boolean) => {
    if (!journalId) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await desk.call('documents.journalPages', { journalId, dateFrom, dateTo });
      const blob = pdfBlob(result.pdfBase64);
      if (print) printPdf(blob);
      else downloadBlob(blob, result.fileName);
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('ui.journal.printPages')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('ui.journal.printPages')}>
        <Stack>
          <Select
            label={t('ui.journal.journal')}
            data={journals.map((journal) => ({ value: journal.id, label: `${journal.index} — ${journal.title}` }))}
            value={journalId ?? defaultJournalId}
            onChange={setJournalId}
            allowDeselect={false}
          />
          <Group grow>
            <TextInput type="date" label={t('ui.common.from')} value={dateFrom} onChange={(event) => setDateFrom(event.currentTarget.value)} />
            <TextInput type="date" label={t('ui.common.to')} value={dateTo} onChange={(event) => setDateTo(event.currentTarget.value)} />
          </Group>
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button variant="default" loading={busy} disabled={!journalId || dateTo < dateFrom} onClick={() => void run(false)}>
              {t('ui.common.download')}
            </Button>
            <Button loading={busy} disabled={!journalId || dateTo < dateFrom} onClick={() => void run(true)}>
              {t('ui.common.print')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
