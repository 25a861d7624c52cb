import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DeskDateInput } from '../../components/form/date-input.js';
import { JobProgress, type JobEnd } from '../../components/job-progress.js';
import { downloadBlob, pdfBlob, printPdf } from '../../components/pdf.js';
import { kyivToday } from '../../i18n/format.js';
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
  /** The print under way: whether it ends in the print dialog or a download. */
  const [running, setRunning] = useState<{ print: boolean } | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const rangeChosen = journalId !== null && dateFrom !== '' && dateTo !== '' && dateFrom <= dateTo;

  const start = (print: boolean) => {
    if (!rangeChosen) return;
    setFailure(null);
    setCancelled(false);
    setRunning({ print });
  };

  const deliver = (file: { fileName: string; pdfBase64: string }) => {
    const blob = pdfBlob(file.pdfBase64);
    if (running?.print) printPdf(blob);
    else downloadBlob(blob, file.fileName);
  };

  const ended = (end: JobEnd, error: DeskError | null) => {
    setRunning(null);
    if (end === 'failed') setFailure(error);
    setCancelled(end === 'cancelled');
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('ui.journal.printPages')}
      </Button>
      {/* While the pages are made the dialog stays open: Cancel is the way out. */}
      <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened={opened} onClose={() => running === null && setOpened(false)} withCloseButton={running === null} title={t('ui.journal.printPages')}>
        <Stack>
          <Select
            label={t('ui.journal.journal')}
            data={journals.map((journal) => ({ value: journal.id, label: `${journal.index} — ${journal.title}` }))}
            value={journalId ?? defaultJournalId}
            onChange={setJournalId}
            allowDeselect={false}
            disabled={running !== null}
          />
          <Group grow>
            <DeskDateInput label={t('ui.common.from')} value={dateFrom} onChange={setDateFrom} disabled={running !== null} />
            <DeskDateInput label={t('ui.common.to')} value={dateTo} onChange={setDateTo} disabled={running !== null} />
          </Group>
          <ErrorAlert error={failure} />
          {cancelled && <Text role="status">{t('ui.jobs.cancelled')}</Text>}
          {running && journalId ? (
            <JobProgress
              kind="journalPages" withTitle={false}
              start={() => desk.call('documents.journalPages', { journalId, dateFrom, dateTo })}
              onResult={deliver}
              onEnd={ended}
            />
          ) : (
            <Group justify="flex-end">
              <Button variant="default" disabled={!rangeChosen} onClick={() => start(false)}>
                {t('ui.common.download')}
              </Button>
              <Button disabled={!rangeChosen} onClick={() => start(true)}>
                {t('ui.common.print')}
              </Button>
            </Group>
          )}
        </Stack>
      </Modal>
    </>
  );
}
