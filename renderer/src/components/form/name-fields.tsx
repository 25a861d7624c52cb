import { SimpleGrid, TextInput } from '@mantine/core';
import { useFormContext, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useDueFieldError } from '../field-error.js';

/** Прізвище, імʼя, по батькові: three fields checked by the shared Ukrainian-name validator; each shows its error once left. */
export function NameFields<T extends FieldValues>({ prefix, required = true }: { prefix: string; required?: boolean }) {
  const { t } = useTranslation();
  const dueError = useDueFieldError<T>();
  const { register } = useFormContext<T>();
  const path = (part: string) => `${prefix}.${part}` as FieldPath<T>;
  return (
    <SimpleGrid cols={3} spacing="sm">
      <TextInput label={t('ui.person.familyName')} withAsterisk={required} {...register(path('familyName'))} error={dueError(path('familyName'))} />
      <TextInput label={t('ui.person.givenName')} withAsterisk={required} {...register(path('givenName'))} error={dueError(path('givenName'))} />
      <TextInput label={t('ui.person.patronymic')} {...register(path('patronymic'))} error={dueError(path('patronymic'))} />
    </SimpleGrid>
  );
}
