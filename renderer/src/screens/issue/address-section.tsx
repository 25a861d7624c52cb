import { Checkbox, Group, Paper, Radio, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../../components/field-error.js';
import type { IssueFormValues } from './issue-form.js';
import { StreetInput } from './street-input.js';

/** The address and the facts of the dwelling that decide the required documents (R7.4.2, R7.4.5, R7.1). */
export function AddressSection() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { control, register, formState } = useFormContext<IssueFormValues>();
  const kinds = useWatch({ control, name: 'kinds' });
  const errors = formState.errors.address;
  const fact = (name: 'titleRequested' | 'guardianshipInvolved' | 'deceasedMember' | 'technicalPassportNeeded', rule: string) => (
    <Controller
      control={control}
      name={`facts.${name}`}
      render={({ field }) => (
        <Checkbox
          checked={field.value}
          onChange={(event) => field.onChange(event.currentTarget.checked)}
          label={`${t(`ui.issue.facts.${name}`)} (${rule})`}
        />
      )}
    />
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('ui.issue.addressTitle')}
        </Title>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('ui.address.settlement')} withAsterisk {...register('address.settlement')} error={fieldError(errors?.settlement)} />
          <StreetInput />
        </SimpleGrid>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('ui.address.house')} withAsterisk {...register('address.house')} error={fieldError(errors?.house)} />
          <TextInput label={t('ui.address.building')} {...register('address.building')} error={fieldError(errors?.building)} />
          <TextInput label={t('ui.address.apartment')} {...register('address.apartment')} error={fieldError(errors?.apartment)} />
        </SimpleGrid>
        <Controller
          control={control}
          name="facts.dwelling"
          render={({ field }) => (
            <Radio.Group label={t('ui.issue.dwelling')} value={field.value} onChange={field.onChange}>
              <Group mt="xs">
                <Radio value="private_house" label={t('ui.issue.privateHouse')} />
                <Radio value="apartment_building" label={t('ui.issue.apartmentBuilding')} />
              </Group>
            </Radio.Group>
          )}
        />
        <Stack gap={6}>
          {fact('titleRequested', 'R7.4.5')}
          {kinds.includes('registration') && fact('technicalPassportNeeded', 'R7.1.1')}
          {kinds.includes('family') && fact('guardianshipInvolved', 'R7.1.2')}
          {kinds.includes('actual_residence_family') && fact('deceasedMember', 'R7.1.3')}
        </Stack>
      </Stack>
    </Paper>
  );
}
