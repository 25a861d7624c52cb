import { Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NameFields } from '../../components/form/name-fields.js';
import { DateField } from '../../components/form/date-field.js';
import { useFieldError, type ErrorLike } from '../../components/field-error.js';
import { kyivToday } from '../../i18n/format.js';
import type { IssueFormValues } from './issue-form.js';
import { kindsNeed } from '../../../../shared/rules/catalogue.js';

/** Data some kinds print: the deceased breadwinner (R7.1.4) and the body's certificate (R7.1.3). */
export function GroundsSection() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { control, register, formState } = useFormContext<IssueFormValues>();
  const kinds = useWatch({ control, name: 'kinds' });
  const today = kyivToday();
  const deceasedErrors = formState.errors.deceased as { kinship?: ErrorLike } | undefined;
  const bodyErrors = formState.errors.bodyCertificate as { bodyName?: ErrorLike; number?: ErrorLike } | undefined;
  const breadwinner = kindsNeed(kinds, 'deceased');
  const actualResidence = kindsNeed(kinds, 'bodyCertificate');
  if (!breadwinner && !actualResidence) return null;
  return (
    <>
      {breadwinner && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('ui.issue.deceasedTitle')}
            </Title>
            <NameFields<IssueFormValues> prefix="deceased.name" />
            {/* R7.1.4: the kinship document is chosen once, in the documents checklist, where it is ticked. */}
            <SimpleGrid cols={2} spacing="sm">
              <DateField<IssueFormValues> name="deceased.deathDate" label={t('ui.person.deathDate')} required max={today} />
              <TextInput label={t('ui.issue.kinship')} placeholder={t('ui.issue.kinshipPlaceholder')} withAsterisk {...register('deceased.kinship')} error={fieldError(deceasedErrors?.kinship)} />
            </SimpleGrid>
          </Stack>
        </Paper>
      )}
      {actualResidence && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('ui.issue.bodyCertificateTitle')}
            </Title>
            <SimpleGrid cols={3} spacing="sm">
              <TextInput label={t('ui.issue.bodyName')} withAsterisk {...register('bodyCertificate.bodyName')} error={fieldError(bodyErrors?.bodyName)} />
              <DateField<IssueFormValues> name="bodyCertificate.date" label={t('ui.issue.bodyCertificateDate')} required max={today} />
              <TextInput label={t('ui.issue.bodyCertificateNumber')} {...register('bodyCertificate.number')} error={fieldError(bodyErrors?.number)} />
            </SimpleGrid>
          </Stack>
        </Paper>
      )}
    </>
  );
}
