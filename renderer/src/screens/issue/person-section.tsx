import { Paper, Radio, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NameFields } from '../../components/form/name-fields.js';
import { DateField } from '../../components/form/date-field.js';
import { kyivToday } from '../../i18n/format.js';
import type { IssueFormValues } from './issue-form.js';
import { PersonFinder } from './person-finder.js';

/** The person the certificate is about, and who applies: the person or a representative (R7.4.4). */
export function PersonSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const kinds = useWatch({ control, name: 'kinds' });
  const actsAs = useWatch({ control, name: 'applicant.actsAs' });
  const today = kyivToday();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('ui.issue.personTitle')}
          </Title>
          <PersonFinder />
        </Group>
        <NameFields<IssueFormValues> prefix="subject.name" />
        <SimpleGrid cols={3} spacing="sm">
          <DateField<IssueFormValues> name="subject.birthDate" label={t('ui.person.birthDate')} max={today} />
          {kinds.includes('registration') && (
            <DateField<IssueFormValues> name="subject.registeredOn" label={t('ui.person.registeredOn')} max={today} />
          )}
        </SimpleGrid>
        <Controller
          control={control}
          name="applicant.actsAs"
          render={({ field }) => (
            <Radio.Group label={t('ui.issue.applicant')} value={field.value} onChange={field.onChange}>
              <Group mt="xs">
                <Radio value="self" label={t('ui.issue.applicantSelf')} />
                <Radio value="representative" label={t('ui.issue.applicantRepresentative')} />
              </Group>
            </Radio.Group>
          )}
        />
        {actsAs === 'representative' && <NameFields<IssueFormValues> prefix="applicant.name" />}
      </Stack>
    </Paper>
  );
}
