import { SimpleGrid, TextInput } from '@mantine/core';
import { useFormContext, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError, type ErrorLike } from '../field-error.js';

/** Прізвище, імʼя, по батькові: three fields checked by the shared Ukrainian-name validator. */
export function NameFields<T extends FieldValues>({ prefix, required = true }: { prefix: string; required?: boolean }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { register, getFieldState, formState } = useFormContext<T>();
  const path = (part: string) => `${prefix}.${part}` as FieldPath<T>;
  const error = (part: string) => fieldError(getFieldState(path(part), formState).error as ErrorLike | undefined);
  return (
    <SimpleGrid cols={3} spacing="sm">
      <TextInput label={t('ui.person.familyName')} withAsterisk={required} {...register(path('familyName'))} error={error('familyName')} />
      <TextInput label={t('ui.person.givenName')} withAsterisk={required} {...register(path('givenName'))} error={error('givenName')} />
      <TextInput label={t('ui.person.patronymic')} {...register(path('patronymic'))} error={error('patronymic')} />
    </SimpleGrid>
  );
}
