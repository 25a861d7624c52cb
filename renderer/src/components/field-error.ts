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
