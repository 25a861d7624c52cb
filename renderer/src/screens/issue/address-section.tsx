import { Checkbox, Group, Paper, Radio, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../../components/field-error.js';
import { useRulePoint } from '../../components/rule-point.js';
import type { IssueFormValues } from './issue-form.js';
import { StreetInput } from './street-input.js';
import { kindsAskAbout } from '../../../../shared/rules/catalogue.js';

/** The part of a form AddressFields fill (the issue form and the certify form both have it). */
interface AddressFormValues {
  address: { settlement: string; street: string; streetId: string; house: string; building: string; apartment: string };
  facts: { dwelling: 'private_house' | 'apartment_building' };
}

/**
 * The address with street suggestions for the typed settlement, and the kind of dwelling, which
 * decides whether the house book or the apartment cards are asked for (R7.4.2, R7.6.2).
 */
export function AddressFields() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { control, register, formState } = useFormContext<AddressFormValues>();
  const errors = formState.errors.address;
  return (
    <>
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
    </>
  );
}

type FactName = 'titleRequested' | 'guardianshipInvolved' | 'deceasedMember' | 'technicalPassportNeeded';

/** A fact of the case as a checkbox labelled with the rule it brings into the checklist. */
export function FactCheckbox({ name, rule }: { name: FactName; rule: string }) {
  const { t } = useTranslation();
  const point = useRulePoint();
  const { control } = useFormContext<{ facts: Record<FactName, boolean> }>();
  return (
    <Controller
      control={control}
      name={`facts.${name}`}
      render={({ field }) => <Checkbox checked={field.value} onChange={(event) => field.onChange(event.currentTarget.checked)} label={`${t(`ui.issue.facts.${name}`)} (${point(rule)})`} />}
    />
  );
}

/** The address and the facts of the dwelling that decide the required documents (R7.4.2, R7.4.5, R7.1). */
export function AddressSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const kinds = useWatch({ control, name: 'kinds' });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('ui.issue.addressTitle')}
        </Title>
        <AddressFields />
        <Stack gap={6}>
          <FactCheckbox name="titleRequested" rule="R7.4.5" />
          {kindsAskAbout(kinds, 'technical_passport_needed') && <FactCheckbox name="technicalPassportNeeded" rule="R7.1.1" />}
          {kindsAskAbout(kinds, 'guardianship_involved') && <FactCheckbox name="guardianshipInvolved" rule="R7.1.2" />}
          {kindsAskAbout(kinds, 'per_deceased_member') && <FactCheckbox name="deceasedMember" rule="R7.1.3" />}
        </Stack>
      </Stack>
    </Paper>
  );
}
