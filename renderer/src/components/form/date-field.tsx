import { useController, useFormContext, type FieldPath, type FieldValues } from 'react-hook-form';
import { isErrorDue, useFieldError, type ErrorLike } from '../field-error.js';
import { DeskDateInput } from './date-input.js';

/** A calendar date of a react-hook-form form (yyyy-mm-dd value), typed and shown as dd.mm.yyyy; its error shows once the field was left. */
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
  const { control, formState } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  return (
    <DeskDateInput
      label={label}
      required={required}
      max={max}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      disabled={field.disabled ?? false}
      error={isErrorDue(fieldState, formState) ? fieldError(fieldState.error as ErrorLike | undefined) : undefined}
    />
  );
}
