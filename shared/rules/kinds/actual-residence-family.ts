import { ground, type IssuedKindSpec } from './define.js';
import { GROUNDS, ISSUED_TO, PURPOSE } from './template-parts.js';

/**
 * R7.1.3 Довідка про фактичне місце проживання та склад сімʼї: on the self-organisation body's
 * certificate, with a death certificate for each member listed as deceased; the housing
 * organisation's certificate may stand for the house book.
 */
export const actualResidenceFamily: IssuedKindSpec = {
  id: 'actual_residence_family',
  rule: 'R7.1.3',
  needs: ['household', 'bodyCertificate'],
  grounds: [ground('body_certificate', 'R7.1.3', ['committee_certificate']), ground('member_death', 'R7.1.3', ['death_certificate'], 'per_deceased_member')],
  housingAlternatives: ['housing_registration_certificate'],
  placeholders: ['household', 'bodyCertificate'],
  template: [
    `${ISSUED_TO} {{він|вона}} фактично проживає за адресою: {{address}}, що підтверджується довідкою органу самоорганізації населення: {{bodyCertificate}}.`,
    'Склад сімʼї за фактичним місцем проживання:',
    '{{household}}',
    GROUNDS,
    PURPOSE,
  ].join('\n'),
  retiredTemplates: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., в тому, що {{він|вона}} фактично проживає за адресою: {{address}}, що підтверджується довідкою органу самоорганізації населення: {{bodyCertificate}}.',
      'Склад сімʼї за фактичним місцем проживання:',
      '{{household}}',
      'Підстава: {{grounds}}.',
      PURPOSE,
    ].join('\n'),
  ],
};
