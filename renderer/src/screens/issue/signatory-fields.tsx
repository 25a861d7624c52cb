import { Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { signatoriesFor } from '../../../../shared/domain/directories.js';
import { useFieldError } from '../../components/field-error.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { kyivToday } from '../../i18n/format.js';
import type { IssueFormValues } from './issue-form.js';

/** The journal the entry goes to (R7.11) and who signs with which seal (R7.10, R7.13). */
export function SignatoryFields() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { control, formState } = useFormContext<IssueFormValues>();
  const journals = useReferenceStore((state) => state.journals);
  const signatories = useReferenceStore((state) => state.signatories);
  const journalId = useReferenceStore((state) => state.journalId);
  const chooseJournal = useReferenceStore((state) => state.chooseJournal);
  const journalOffice = journals.find((journal) => journal.id === journalId)?.officeId;
  const current = signatoriesFor(signatories, { date: kyivToday(), officeId: journalOffice });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('ui.issue.signingTitle')}
        </Title>
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('ui.issue.journal')}
            withAsterisk
            data={journals.filter((journal) => journal.active).map((journal) => ({ value: journal.id, label: `${journal.index} — ${journal.title}` }))}
            value={journalId}
            onChange={(value) => value && chooseJournal(value)}
            allowDeselect={false}
          />
          <Controller
            control={control}
            name="signatoryId"
            render={({ field }) => (
              <Select
                label={t('ui.issue.signatory')}
                description={current.length === 0 ? t('deskHead.noSignatory') : t('ui.issue.signatoryHint')}
                withAsterisk
                allowDeselect={false}
                data={current.map((person) => ({ value: person.id, label: `${person.fullName}, ${person.position} (${person.sealName})` }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={fieldError(formState.errors.signatoryId)}
              />
            )}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
