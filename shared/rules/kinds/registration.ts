import { ground, type IssuedKindSpec } from './define.js';
import { GROUNDS, PURPOSE, REGISTERED_AT } from './template-parts.js';

/**
 * R7.1.1 Довідка з місця реєстрації. Registration marks in the passport / permit are covered by
 * R7.4.1 and house book records by R7.4.2; the technical passport only when it is needed.
 */
export const registration: IssuedKindSpec = {
  id: 'registration',
  rule: 'R7.1.1',
  needs: [],
  grounds: [ground('technical_passport', 'R7.1.1', ['technical_passport'], 'technical_passport_needed')],
  // The household table prints when a combined certificate (R7.2) lists it.
  placeholders: ['registeredOn', 'household'],
  template: [REGISTERED_AT, 'Дата реєстрації: {{registeredOn}}.', '{{household}}', GROUNDS, PURPOSE].join('\n'),
  retiredTemplates: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., в тому, що {{він|вона}} дійсно {{зареєстрований|зареєстрована}} за адресою: {{address}}.',
      'Дата реєстрації: {{registeredOn}}.',
      '{{household}}',
      'Підстава: записи {{housingSource}}; {{grounds}}.',
      PURPOSE,
    ].join('\n'),
  ],
};
