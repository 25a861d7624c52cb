import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Enter moves to the next field, as administrators used to paper-like forms expect (keyboard first).
 * Text areas keep Enter for new lines; buttons keep Enter for pressing; a combobox that used the
 * key to pick an option has already prevented the default and is left alone. From the last field
 * before the submit button, Enter submits the form. Keys from a dialog the form opened (a portal)
 * are not the form's.
 */
export function enterToNext(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.defaultPrevented || event.shiftKey || event.ctrlKey || event.altKey) return;
  const target = event.target as HTMLElement;
  // A dialog opened from the form (e.g. «Знайти серед попередніх») is rendered elsewhere in the
  // page but its keys bubble through React to this form: its own Enter (its search) is left to it.
  if (!event.currentTarget.contains(target)) return;
  if (target.tagName !== 'INPUT' || (target as HTMLInputElement).type === 'submit') return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (field) => field.offsetParent !== null && field.tabIndex >= 0,
  );
  const next = fields[fields.indexOf(target) + 1];
  // The last field before the form's own submit button: Enter submits, as on a login form.
  if (!next || (next as HTMLButtonElement).type === 'submit') return;
  event.preventDefault();
  next.focus();
}
