import type { DocumentType } from '../../shared/domain/documents.js';
import type { KindId } from '../../shared/domain/entry.js';
import { findKind } from '../../shared/rules/catalogue.js';

/** Printed (always Ukrainian) names used by the composers. */

export const documentTypeLabelsUk: Readonly<Record<DocumentType, string>> = {
  passport_book: 'паспорт (книжечка)',
  id_card: 'паспорт (ID-картка)',
  residence_permit_temporary: 'посвідка на тимчасове проживання',
  residence_permit_permanent: 'посвідка на постійне проживання',
  house_book: 'будинкова книга',
  apartment_card: 'поквартирна картка',
  housing_registration_certificate: 'довідка житлово-експлуатаційної організації',
  technical_passport: 'технічний паспорт',
  birth_certificate: 'свідоцтво про народження',
  marriage_certificate: 'свідоцтво про шлюб',
  death_certificate: 'свідоцтво про смерть',
  power_of_attorney: 'довіреність',
  title_document: 'правовстановлюючий документ на житло',
  guardianship_document: 'документ органу опіки та піклування',
  committee_certificate: 'довідка органу самоорганізації населення',
  other: 'інший документ',
};

/** Returns the printed name of a kind («Довідка про …»), or undefined when the catalogue has none. */
export type KindNameResolver = (kind: KindId) => string | undefined;

/** A built-in kind's printed title: the one in its definition (kinds added by decision need the register's list). */
export const builtInKindName: KindNameResolver = (kind) => findKind(kind)?.title;
