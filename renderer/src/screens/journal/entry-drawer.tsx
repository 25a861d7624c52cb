import { useState } from 'react';
import { Button, Drawer, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryRecord } from '../../../../shared/domain/entry.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { EntryActions } from '../../components/entry-actions.js';
import { EntrySummary } from '../../components/entry-summary.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { asDeskError } from '../../stores/session-store.js';
import { useNavStore } from '../../stores/nav-store.js';
import { prefillFromEntry, useIssueStore } from '../issue/issue-store.js';

/**
 * An entry's details. Entries are never edited (R7.7): a mistake is annulled with a
 * reason, and the certificate is issued anew from the annulled one's data.
 */
export function EntryDrawer({ entry, onClose, onChanged }: { entry: EntryRecord | null; onClose: () => void; onChanged: (entry: EntryRecord) => void }) {
  const { t } = useTranslation();
  const go = useNavStore((state) => state.go);
  const prefillFrom = useIssueStore((state) => state.prefillFrom);
  const [annulling, setAnnulling] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);

  const annul = async () => {
    if (!entry) return;
    setBusy(true);
    setFailure(null);
    try {
      const updated = await desk.call('entries.annul', { entryId: entry.id, reason: reason.trim() });
      onChanged(updated);
      setAnnulling(false);
      setReason('');
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  const reissue = () => {
    if (!entry) return;
    // Section E: the annulled entry's whole case comes back, its documents waiting for the administrator's confirmation.
    prefillFrom(prefillFromEntry(entry), {
      reissueOf: { entryId: entry.id, printedNumber: entry.printedNumber },
      carried: { entryId: entry.id, printedNumber: entry.printedNumber, localDate: entry.localDate, reason: 'reissue' },
    });
    onClose();
    go('issue');
  };

  return (
    <Drawer closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened={entry !== null} onClose={onClose} position="right" size={640} title={entry ? t('ui.journal.entryTitle', { number: entry.printedNumber }) : ''}>
      {entry && (
        <Stack>
          <EntrySummary entry={entry} />
          <EntryActions entry={entry} onChanged={onChanged} />
          <Group>
            {entry.status !== 'annulled' && entry.sort !== 'refusal' && (
              <Button variant="outline" color="red.9" onClick={() => setAnnulling(true)}>
                {t('ui.journal.annul')}
              </Button>
            )}
            {entry.status === 'annulled' && entry.sort === 'certificate' && !entry.annulment?.replacedByEntryId && (
              <Button onClick={reissue}>{t('ui.journal.reissue')}</Button>
            )}
          </Group>
          {annulling && (
            <Stack>
              <Textarea
                label={t('ui.journal.annulReason')}
                description={t('ui.journal.annulHint')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                autosize
                minRows={2}
                withAsterisk
              />
              <Group>
                <Button variant="default" onClick={() => setAnnulling(false)}>
                  {t('ui.common.cancel')}
                </Button>
                <Button color="red.9" loading={busy} disabled={reason.trim().length < 3} onClick={() => void annul()}>
                  {t('ui.journal.annulConfirm')}
                </Button>
              </Group>
            </Stack>
          )}
          <ErrorAlert error={failure} />
        </Stack>
      )}
    </Drawer>
  );
}
