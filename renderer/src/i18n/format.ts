import { intlLocale, type Language } from './languages.js';

const KYIV = 'Europe/Kyiv';

/**
 * Dates read dd.MM.yyyy in both interface languages (through Intl with the uk-UA
 * locale), as the date fields take them and the printed documents carry them: an English
 * interface translates the desk's words, not the dates of Ukrainian documents.
 */
const DATE_LOCALE = 'uk-UA';

/** `2026-03-05` → «05.03.2026»; the calendar date is not shifted by time zones. */
export function formatDate(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(DATE_LOCALE, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant (ISO 8601) as a Kyiv local date and time: «05.03.2026, 14:05». */
export function formatDateTime(instant: string | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(DATE_LOCALE, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: KYIV,
  }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language]).format(value);
}

/** Today's calendar date in Kyiv as yyyy-mm-dd: the date the register prints on documents. */
export function kyivToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: KYIV, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
