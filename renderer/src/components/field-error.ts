import { useFormContext, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** Any react-hook-form error node: only its own `message` and `type` are read. */
export interface ErrorLike {
  message?: unknown;
  type?: unknown;
}

/**
 * Validation messages from the shared zod schemas are message keys (`validation.login.format`);
 * zod's own default messages are English sentences, so those are replaced by a text per issue code.
 */
export function useFieldError(): (error: ErrorLike | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (!error) return undefined;
    const message = typeof error.message === 'string' ? error.message : '';
    if (/^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/.test(message) && i18n.exists(message)) return t(message);
    return t([`ui.validation.${String(error.type)}`, 'ui.validation.invalid']);
  };
}

/**
 * Whether a field of a react-hook-form form may show its error yet: once the person left it, or
 * tried to submit the form. A form validating "on touched" re-checks a whole list when a row is
 * added (a new household row), and a row nobody typed into yet must not open full of errors.
 */
export function isErrorDue(fieldState: { isTouched: boolean }, formState: { isSubmitted: boolean }): boolean {
  return fieldState.isTouched || formState.isSubmitted;
}

/** The error text of a field of the surrounding form, once it is due (`isErrorDue`). */
export function useDueFieldError<T extends FieldValues>(): (name: FieldPath<T>) => string | undefined {
  const fieldError = useFieldError();
  const { getFieldState, formState } = useFormContext<T>();
  return (name) => {
    const state = getFieldState(name, formState);
    return isErrorDue(state, formState) ? fieldError(state.error as ErrorLike | undefined) : undefined;
  };
}
