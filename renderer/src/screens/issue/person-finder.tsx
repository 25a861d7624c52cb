import { useState } from 'react';
import { Button, Modal, Stack, Text, TextInput, UnstyledButton, Paper, Group } from '@mantine/core';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EntryRecord } from '../../../../shared/domain/entry.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDate } from '../../i18n/format.js';
import { asDeskError } from '../../stores/session-store.js';
import { addressLine, personLine } from '../../components/entry-text.js';
import { prefillFromEntry, useIssueStore } from './issue-store.js';
import type { IssueFormValues } from './issue-form.js';
import { carriedDocuments } from './known-case.js';

/**
 * Finds the person among earlier entries and carries the chosen entry's case in: documents wait for
 * the administrator's confirmation that they were presented anew (R7.4).
 */
export function PersonFinder() {
  const { t } = useTranslation();
  const { getValues } = useFormContext<IssueFormValues>();
  const prefillFrom = useIssueStore((state) => state.prefillFrom);
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState('');
  const [found, setFound] = useState<EntryRecord[] | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);

  const search = async () => {
    setFailure(null);
    try {
      const result = await desk.call('journal.search', { text: text.trim(), page: 1, pageSize: 10 });
      setFound(result.items);
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  };

  const choose = (entry: EntryRecord) => {
    const prefill = prefillFromEntry(entry);
    const kinds = getValues('kinds');
    const documents = carriedDocuments(prefill.documents ?? [], 'person');
    prefillFrom(
      { ...prefill, documents, ...(kinds.length > 0 ? { kinds } : {}) },
      { carried: { entryId: entry.id, printedNumber: entry.printedNumber, localDate: entry.localDate, reason: 'person' } },
    );
    setOpened(false);
  };

  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        {t('ui.finder.open')}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened={opened} onClose={() => setOpened(false)} title={t('ui.finder.title')} size="xl">
        <Stack>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void search();
            }}
          >
            <Group align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('ui.finder.query')}
                description={t('ui.finder.hint')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                data-autofocus
              />
              <Button type="submit" disabled={text.trim().length < 2}>
                {t('ui.common.search')}
              </Button>
            </Group>
          </form>
          <ErrorAlert error={failure} />
          {found?.length === 0 && <Text>{t('ui.finder.nothing')}</Text>}
          {found?.map((entry) => (
            <UnstyledButton key={entry.id} onClick={() => choose(entry)}>
              <Paper withBorder p="sm">
                <Text fw={600}>{personLine(entry.content.subject.name, entry.content.subject.birthDate)}</Text>
                <Text size="sm">{addressLine(entry.content.address, t)}</Text>
                <Text size="sm" c="dimmed">
                  {t('ui.finder.entry', { number: entry.printedNumber, date: formatDate(entry.localDate) })}
                </Text>
              </Paper>
            </UnstyledButton>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
