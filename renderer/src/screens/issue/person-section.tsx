import { Paper, Group, Stack, Title } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/form/date-field.js';
import { PersonFields } from '../../components/form/person-fields.js';
import { kyivToday } from '../../i18n/format.js';
import type { IssueFormValues } from './issue-form.js';
import { PersonFinder } from './person-finder.js';

/** The person the certificate is about, and who applies: the person or a representative (R7.4.4). */
export function PersonSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const kinds = useWatch({ control, name: 'kinds' });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('ui.issue.personTitle')}
          </Title>
          <PersonFinder />
        </Group>
        <PersonFields
          besideBirthDate={
            kinds.includes('registration') && <DateField<IssueFormValues> name="subject.registeredOn" label={t('ui.person.registeredOn')} max={kyivToday()} />
          }
        />
      </Stack>
    </Paper>
  );
}
