import type { Address, PersonName } from '../../shared/domain/person.js';
import { genderFromPatronymic } from '../../shared/domain/gender.js';

const kyivDateFormat = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'Europe/Kyiv',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** yyyy-mm-dd → dd.MM.yyyy (the date is already a Ukrainian local date). */
export function printedDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** A UTC instant → its Europe/Kyiv calendar date, dd.MM.yyyy. */
export function kyivDate(instant: string | Date): string {
  const parts = kyivDateFormat.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}`;
}

export function fullNameOf(name: PersonName): string {
  return [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
}

/** «Т. Г. Шевченко»: initials first, as under a signature. */
export function shortNameOf(name: PersonName): string {
  const initials = [name.givenName, name.patronymic]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${Array.from(part)[0] ?? ''}.`)
    .join(' ');
  return `${initials} ${name.familyName}`;
}

export function formatAddress(address: Address): string {
  const parts = [address.settlement];
  if (address.street) parts.push(address.street);
  parts.push(`буд. ${address.house}`);
  if (address.building) parts.push(`корп. ${address.building}`);
  if (address.apartment) parts.push(`кв. ${address.apartment}`);
  return parts.join(', ');
}

/**
 * ДСТУ 4163:2020 signature line: «Оксана КОВАЛЬ» — given name, then the surname in capitals. A
 * directory name typed «Коваль Оксана Петрівна» (surname first, patronymic last) is turned round;
 * one already written with a surname in capitals, or in another shape, is kept as typed.
 */
export function signatureName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const hasCapitalSurname = words.some((word) => word.length > 1 && word === word.toLocaleUpperCase('uk-UA') && /\p{L}/u.test(word));
  const [surname, given, patronymic] = words;
  if (hasCapitalSurname || words.length !== 3 || !surname || !given || genderFromPatronymic(patronymic) === null) return fullName.trim();
  return `${given} ${surname.toLocaleUpperCase('uk-UA')}`;
}
