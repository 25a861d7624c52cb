import { useEffect, useState } from 'react';
import { Button, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import type { DeskError } from '../../../shared/contract/errors.js';
import { desk } from '../desk/client.js';
import { asDeskError } from '../stores/session-store.js';
import { useShortcutStore } from '../stores/shortcut-store.js';
import { ErrorAlert } from './error-alert.js';
import { downloadBlob, pdfBlob, printPdf } from './pdf.js';
import { fullNameOf } from './entry-text.js';
import { kyivToday } from '../i18n/format.js';
import { ALL_PROXY_FIELDS, PowerOfAttorneyFields, proxyComplete, proxyDraftOf, type ProxyDraft, type ProxyField } from './power-of-attorney-fields.js';

/** The entry's own document (certificate, inscription or refusal notice) from main's templates. */
async function renderEntry(entryId: string, placement?: 'overlay'): Promise<{ fileName: string; blob: Blob }> {
  const { fileName, pdfBase64 } = await desk.call('documents.render', { entryId, ...(placement ? { placement } : {}) });
  return { fileName, blob: pdfBlob(pdfBase64) };
}

/**
 * Print, save, and record the handover against the recipient's signature (R7.7). Ctrl+P prints
 * the entry on screen.
 */
export function EntryActions({ entry, onChanged }: { entry: EntryRecord; onChanged: (entry: EntryRecord) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState<'print' | 'overlay' | 'save' | null>(null);
  const [handingOver, setHandingOver] = useState(false);
  const setPrintHandler = useShortcutStore((state) => state.setPrintHandler);

  const act = async (which: 'print' | 'overlay' | 'save') => {
    setFailure(null);
    setBusy(which);
    try {
      const { fileName, blob } = await renderEntry(entry.id, which === 'overlay' ? 'overlay' : undefined);
      if (which === 'save') downloadBlob(blob, fileName);
      else printPdf(blob);
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(null);
    }
  };

  useEffect(() => {
    setPrintHandler(() => void act('print'));
    return () => setPrintHandler(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-bound when the entry changes
  }, [entry.id, setPrintHandler]);

  const canHandOver = entry.status === 'issued' && entry.sort !== 'refusal';
  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => void act('print')} loading={busy === 'print'}>
          {t('ui.common.print')}
        </Button>
        {entry.sort === 'certification' && (
          <Button variant="default" onClick={() => void act('overlay')} loading={busy === 'overlay'}>
            {t('ui.certify.printOverlay')}
          </Button>
        )}
        <Button variant="default" onClick={() => void act('save')} loading={busy === 'save'}>
          {t('ui.common.download')}
        </Button>
        {canHandOver && (
          <Button variant="light" onClick={() => setHandingOver(true)}>
            {t('ui.handover.open')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={failure} />
      <HandoverDialog entry={entry} opened={handingOver} onClose={() => setHandingOver(false)} onDone={onChanged} />
    </Stack>
  );
}

/**
 * Who received the document (section E): the person, or a representative against a power of
 * attorney (R7.4.4) whose number, date and issuer the journal then records.
 */
function HandoverDialog({ entry, opened, onClose, onDone }: { entry: EntryRecord; opened: boolean; onClose: () => void; onDone: (entry: EntryRecord) => void }) {
  const { t } = useTranslation();
  const content = entry.content;
  const representative = content.applicant.actsAs === 'representative' ? fullNameOf(content.applicant.name) : '';
  const [receivedBy, setReceivedBy] = useState<'subject' | 'representative'>(representative ? 'representative' : 'subject');
  const [recipientName, setRecipientName] = useState(representative || fullNameOf(content.subject.name));
  const [proxy, setProxy] = useState<ProxyDraft>(() => proxyDraftOf(entry));
  const [shown, setShown] = useState<ReadonlySet<ProxyField>>(new Set());
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const byRepresentative = receivedBy === 'representative';

  const choose = (value: string) => {
    const next = value === 'representative' ? 'representative' : 'subject';
    setReceivedBy(next);
    setRecipientName(next === 'subject' ? fullNameOf(content.subject.name) : representative);
  };

  const save = async () => {
    if (byRepresentative && !proxyComplete(proxy, kyivToday())) {
      setShown(ALL_PROXY_FIELDS);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const powerOfAttorney = byRepresentative ? { powerOfAttorney: { number: proxy.number, date: proxy.date, issuer: proxy.issuer } } : {};
      const updated = await desk.call('entries.handover', { entryId: entry.id, receivedBy, recipientName: recipientName.trim(), ...powerOfAttorney });
      onDone(updated);
      onClose();
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened={opened} onClose={onClose} title={t('ui.handover.title', { number: entry.printedNumber })} size="lg">
      <Stack>
        <Radio.Group label={t('ui.handover.receivedBy')} value={receivedBy} onChange={choose}>
          <Group mt="xs">
            <Radio value="subject" label={t('ui.handover.subject')} />
            <Radio value="representative" label={t('ui.handover.representative')} />
          </Group>
        </Radio.Group>
        <TextInput label={t('ui.handover.recipientName')} value={recipientName} onChange={(event) => setRecipientName(event.currentTarget.value)} withAsterisk />
        {byRepresentative && (
          <PowerOfAttorneyFields draft={proxy} onChange={setProxy} shown={shown} onLeave={(field) => setShown((before) => new Set(before).add(field))} failure={failure} />
        )}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={recipientName.trim().length === 0}>
            {t('ui.handover.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
