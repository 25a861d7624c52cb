import { z } from 'zod';
import type { IsoDate } from '../person.js';

/**
 * Calendar dates as the desk stores them: `yyyy-mm-dd`, a Ukrainian local (Europe/Kyiv) date with
 * no time. "Today" is always a parameter, never read from a clock here, so the same rules give the
 * same answer in the renderer, in the main process and in tests.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The oldest age a living person may be recorded with (a birth date over 130 years ago is a typing error). */
export const MAX_AGE_YEARS = 130;

/** Age of majority in Ukraine: a household member under 18 is a child (R7.4.3). */
export const ADULT_AGE_YEARS = 18;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar date: `2021-02-29` and `2021-13-01` are not. */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whole years between two ISO dates; a birthday on 29 February counts from 1 March in common years. */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** R7.4.3: a child is a household member under 18 on the day the certificate is issued. */
export function isMinorOn(birthDate: IsoDate, today: IsoDate): boolean {
  return fullYearsBetween(birthDate, today) < ADULT_AGE_YEARS;
}

/** Printed form of a date on every document: dd.MM.yyyy (docs/rules.md: dates are printed dd.MM.yyyy). */
export function formatPrintedDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** A calendar date in `yyyy-mm-dd` form that exists. */
export const calendarDateSchema = z
  .string()
  .regex(ISO_DATE, 'validation.date.format')
  .refine(isValidIsoDate, 'validation.date.invalid');

/** A calendar date not later than `today` (a certificate's own date, a registration date, …). */
export function pastOrTodayDateSchema(today: IsoDate) {
  return calendarDateSchema.refine((value) => value <= today, 'validation.date.future');
}

/** A date of birth: a real date, not in the future, not over 130 years before `today`. */
export function birthDateSchema(today: IsoDate) {
  const earliest = `${String(Number(today.slice(0, 4)) - MAX_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`;
  return calendarDateSchema
    .refine((value) => value <= today, 'validation.birthDate.future')
    .refine((value) => value >= earliest, { message: 'validation.birthDate.tooOld', params: { years: MAX_AGE_YEARS } });
}
