import type { TFunction } from 'i18next';
import type { Address, PersonName } from '../../../shared/domain/person.js';
import { formatDate } from '../i18n/format.js';

export function fullNameOf(name: PersonName): string {
  return [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
}

export function personLine(name: PersonName, birthDate: string | undefined): string {
  return birthDate ? `${fullNameOf(name)}, ${formatDate(birthDate)}` : fullNameOf(name);
}

/** An address as one line: settlement, street, house, корп., кв. */
export function addressLine(address: Address, t: TFunction): string {
  return [
    address.settlement,
    address.street,
    address.house,
    address.building ? t('ui.address.buildingShort', { value: address.building }) : undefined,
    address.apartment ? t('ui.address.apartmentShort', { value: address.apartment }) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}
