import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryRecord } from '../../../../shared/domain/entry.js';
import { EntryActions } from '../../components/entry-actions.js';
import { EntrySummary } from '../../components/entry-summary.js';
import { useIssueStore } from './issue-store.js';

/** After «Видати» or «Відмовити»: the entry's number, then print, save and handover. */
export function IssueResult({ entry }: { entry: EntryRecord }) {
  const { t } = useTranslation();
  const setResult = useIssueStore((state) => state.setResult);
  const startNew = useIssueStore((state) => state.startNew);
  const refused = entry.sort === 'refusal';
  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        {refused ? t('ui.result.refusedTitle') : t('ui.result.issuedTitle')}
      </Title>
      <Alert color={refused ? 'orange' : 'green'} variant="light" role="status">
        {t(refused ? 'ui.result.refusedNumber' : 'ui.result.issuedNumber', { number: entry.printedNumber })}
      </Alert>
      <EntrySummary entry={entry} />
      <EntryActions entry={entry} onChanged={setResult} />
      <Group>
        <Button variant="default" onClick={startNew}>
          {t('ui.result.next')}
        </Button>
      </Group>
    </Stack>
  );
}
