import { intlLocale, type Language } from './languages.js';

const KYIV = 'Europe/Kyiv';

/** `2026-03-05` → «05.03.2026» (uk) / «05/03/2026» (en); the calendar date is not shifted by time zones. */
export function formatDate(isoDate: string | undefined, language: Language): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(intlLocale[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant (ISO 8601) as a Kyiv local date and time. */
export function formatDateTime(instant: string | undefined, language: Language): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(intlLocale[language], {
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
