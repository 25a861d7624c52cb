import { TextInput } from '@mantine/core';
import { useFormContext, type FieldPath, type FieldValues } from 'react-hook-form';
import { useFieldError, type ErrorLike } from '../field-error.js';

/** A calendar date through the browser's own date input (keyboard friendly, yyyy-mm-dd value). */
export function DateField<T extends FieldValues>({
  name,
  label,
  required = false,
  max,
}: {
  name: FieldPath<T>;
  label: string;
  required?: boolean;
  max?: string;
}) {
  const fieldError = useFieldError();
  const { register, getFieldState, formState } = useFormContext<T>();
  return (
    <TextInput
      type="date"
      label={label}
      withAsterisk={required}
      max={max}
      {...register(name)}
      error={fieldError(getFieldState(name, formState).error as ErrorLike | undefined)}
    />
  );
}
