import type { TFunction } from 'i18next';
import type { DeskError } from '../../../shared/contract/errors.js';

/** A DeskError in the user's language: its own message key, else the generic text for its code. */
export function errorText(t: TFunction, error: DeskError): string {
  return t([error.messageKey, `ui.errorCodes.${error.code}`], { ...(error.params ?? {}) });
}
