import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@mantine/hooks';
import type { PresentedDocument } from '../../../../shared/domain/documents.js';
import type { DeclinedName } from '../../../../shared/domain/person.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { PdfFrame } from '../../components/pdf-frame.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { kyivToday } from '../../i18n/format.js';
import { asDeskError } from '../../stores/session-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { issueFormSchema, type IssueFormValues } from './issue-form.js';
import { buildIssueInput } from './issue-input.js';

interface Props {
  documents: PresentedDocument[];
  declined: DeclinedName | null;
  deceasedDeclined: DeclinedName | null;
}

/** The live PDF preview: redrawn by main's own templates a moment after the form stops changing. */
export function IssuePreview({ documents, declined, deceasedDeclined }: Props) {
  const { t } = useTranslation();
  const { watch } = useFormContext<IssueFormValues>();
  const journalId = useReferenceStore((state) => state.journalId);
  const [opened, setOpened] = useState(false);
  const [pdf, setPdf] = useState<string | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const values = watch();
  const snapshot = JSON.stringify({ values, documents, declined, deceasedDeclined, journalId });
  const [settled] = useDebouncedValue(snapshot, 700);
  const parsed = issueFormSchema(values.kinds, kyivToday()).safeParse(values);
  const ready = parsed.success && declined !== null && journalId !== null;

  useEffect(() => {
    if (!opened) return;
    const state = JSON.parse(settled) as { values: IssueFormValues; documents: PresentedDocument[]; declined: DeclinedName | null; deceasedDeclined: DeclinedName | null; journalId: string | null };
    const form = issueFormSchema(state.values.kinds, kyivToday()).safeParse(state.values);
    if (!form.success || !state.declined || !state.journalId) return;
    let cancelled = false;
    desk
      .call('documents.preview', buildIssueInput(state.journalId, form.data, state.documents, state.declined, state.deceasedDeclined))
      .then((result) => {
        if (cancelled) return;
        setFailure(null);
        setPdf(result.pdfBase64);
      })
      .catch((caught: unknown) => !cancelled && setFailure(asDeskError(caught)));
    return () => {
      cancelled = true;
    };
  }, [opened, settled]);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('ui.preview.title')}
          </Title>
          <Button variant="light" onClick={() => setOpened(!opened)} aria-expanded={opened}>
            {opened ? t('ui.preview.hide') : t('ui.preview.show')}
          </Button>
        </Group>
        {opened && !ready && <Text c="dimmed">{t('ui.preview.notReady')}</Text>}
        {opened && <ErrorAlert error={failure} />}
        {opened && pdf && <PdfFrame base64={pdf} title={t('ui.preview.title')} height={720} />}
      </Stack>
    </Paper>
  );
}
