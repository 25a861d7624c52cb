import { ground, type IssuedKindSpec } from './define.js';
import { GROUNDS, ISSUED_TO, PURPOSE } from './template-parts.js';

/**
 * R7.1.4 Довідка про спільне проживання з годувальником на момент його смерті: the kinship
 * document and the deceased's death certificate; the housing organisation's certificate may
 * stand for the house book.
 */
export const breadwinnerCohabitation: IssuedKindSpec = {
  id: 'breadwinner_cohabitation',
  rule: 'R7.1.4',
  needs: ['deceased'],
  grounds: [ground('kinship_document', 'R7.1.4', ['birth_certificate', 'marriage_certificate']), ground('deceased_death', 'R7.1.4', ['death_certificate'])],
  housingAlternatives: ['housing_registration_certificate'],
  placeholders: ['deceased.genitive', 'deceased.deathDate', 'kinship', 'kinshipDocument'],
  template: [
    `${ISSUED_TO} {{він|вона}} на момент смерті {{deceased.genitive}}, {{deceased:який|яка}} {{deceased:помер|померла}} {{deceased.deathDate}}, {{проживав|проживала}} спільно з {{deceased:ним|нею}} за адресою: {{address}}.`,
    'Родинний звʼязок з {{deceased:померлим|померлою}}: {{kinship}}; документ, що його підтверджує: {{kinshipDocument}}.',
    GROUNDS,
    PURPOSE,
  ].join('\n'),
  retiredTemplates: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., в тому, що {{він|вона}} на момент смерті {{deceased.genitive}}, який (яка) помер(ла) {{deceased.deathDate}}, {{проживав|проживала}} спільно з ним (нею) за адресою: {{address}}.',
      'Родинний звʼязок з померлим (померлою): {{kinship}}; документ, що його підтверджує: {{kinshipDocument}}.',
      'Підстава: записи {{housingSource}}; {{grounds}}.',
      PURPOSE,
    ].join('\n'),
  ],
};
