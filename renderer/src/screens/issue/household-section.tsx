import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { relations } from '../../../../shared/domain/person.js';
import { relationLabelsEn, relationLabelsUk } from '../../../../shared/domain/relation-labels.js';
import { useDueFieldError } from '../../components/field-error.js';
import { DateField } from '../../components/form/date-field.js';
import { useLanguage } from '../../i18n/index.js';
import { kyivToday } from '../../i18n/format.js';
import { emptyHouseholdRow, type IssueFormValues } from './issue-form.js';
import { kindsAskAbout } from '../../../../shared/rules/catalogue.js';

/** The household table of R7.1.2 / R7.1.3: add, remove, reorder; relation from the list. */
export function HouseholdSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const dueError = useDueFieldError<IssueFormValues>();
  const { control, register } = useFormContext<IssueFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'household' });
  const kinds = useWatch({ control, name: 'kinds' });
  const withDeath = kindsAskAbout(kinds, 'per_deceased_member');
  const labels = language === 'uk' ? relationLabelsUk : relationLabelsEn;
  const relationOptions = relations.map((relation) => ({ value: relation, label: labels[relation] }));
  const today = kyivToday();

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('ui.issue.householdTitle')}
          </Title>
          <Button variant="light" onClick={() => append(emptyHouseholdRow())}>
            {t('ui.issue.addMember')}
          </Button>
        </Group>
        {fields.length === 0 && <Text c="dimmed">{t('ui.issue.householdEmpty')}</Text>}
        {fields.map((field, index) => {
          const rowLabel = t('ui.issue.memberNumber', { number: index + 1 });
          return (
            <Paper key={field.id} withBorder p="xs" bg="gray.0" role="group" aria-label={rowLabel}>
              <Group justify="space-between" mb={4}>
                <Text fw={600}>{rowLabel}</Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="default" size="lg" aria-label={`${rowLabel}: ${t('ui.common.moveUp')}`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                    ↑
                  </ActionIcon>
                  <ActionIcon variant="default" size="lg" aria-label={`${rowLabel}: ${t('ui.common.moveDown')}`} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)}>
                    ↓
                  </ActionIcon>
                  <ActionIcon variant="default" c="red.9" size="lg" aria-label={`${rowLabel}: ${t('ui.common.remove')}`} onClick={() => remove(index)}>
                    ×
                  </ActionIcon>
                </Group>
              </Group>
              <SimpleGrid cols={3} spacing="xs">
                <TextInput label={t('ui.person.familyName')} withAsterisk {...register(`household.${index}.name.familyName`)} error={dueError(`household.${index}.name.familyName`)} />
                <TextInput label={t('ui.person.givenName')} withAsterisk {...register(`household.${index}.name.givenName`)} error={dueError(`household.${index}.name.givenName`)} />
                <TextInput label={t('ui.person.patronymic')} {...register(`household.${index}.name.patronymic`)} error={dueError(`household.${index}.name.patronymic`)} />
                <Controller
                  control={control}
                  name={`household.${index}.relation`}
                  render={({ field: relation }) => (
                    <Select
                      label={t('ui.issue.relation')}
                      data={relationOptions}
                      value={relation.value}
                      onChange={(value) => value && relation.onChange(value)}
                      allowDeselect={false}
                      searchable
                    />
                  )}
                />
                <DateField<IssueFormValues> name={`household.${index}.birthDate`} label={t('ui.person.birthDate')} required max={today} />
                {withDeath && <DateField<IssueFormValues> name={`household.${index}.deathDate`} label={t('ui.person.deathDate')} max={today} />}
              </SimpleGrid>
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}
