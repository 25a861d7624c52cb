import { ground, type IssuedKindSpec } from './define.js';
import { GROUNDS, PURPOSE, REGISTERED_AT } from './template-parts.js';

/** R7.1.2 Довідка про склад сімʼї: the title document for a private house, guardianship documents when involved. */
export const family: IssuedKindSpec = {
  id: 'family',
  rule: 'R7.1.2',
  needs: ['household'],
  grounds: [
    ground('title_document', 'R7.1.2', ['title_document'], 'private_house'),
    ground('guardianship_documents', 'R7.1.2', ['guardianship_document'], 'guardianship_involved'),
  ],
  placeholders: ['registeredOn', 'household'],
  template: [REGISTERED_AT, 'Склад {{його|її}} сімʼї становить:', '{{household}}', GROUNDS, PURPOSE].join('\n'),
  retiredTemplates: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., {{який|яка}} {{зареєстрований|зареєстрована}} за адресою: {{address}}, в тому, що склад {{його|її}} сімʼї становить:',
      '{{household}}',
      'Підстава: записи {{housingSource}}; {{grounds}}.',
      PURPOSE,
    ].join('\n'),
  ],
};
