/** The desk works in Ukrainian local time (section E: dates are Europe/Kyiv local dates). */
export const KYIV_TIME_ZONE = 'Europe/Kyiv';

const kyivDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: KYIV_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** yyyy-mm-dd of the instant in Kyiv: 23:30 UTC on 31 December is already 1 January there. */
export function kyivLocalDate(instant: Date): string {
  const parts = Object.fromEntries(kyivDateFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The Kyiv calendar year of the instant: the numbering year of a journal entry. */
export function kyivYear(instant: Date): number {
  return Number(kyivLocalDate(instant).slice(0, 4));
}
