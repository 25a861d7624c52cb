import { catalogue } from './catalogue.js';
import { CERTIFICATION_TEMPLATE, REFUSAL_TEMPLATE } from './templates.js';

/**
 * Default texts of the printed documents (R7.3: the forms of Appendix 5 do not survive in the
 * regulation, so the council edits these templates; every printed document records the version
 * it used). Written from what each kind states (R7.1) in the usual wording of
 * Ukrainian municipal certificates. The header (council, number, date), the title, the household
 * table, the signatory and the seal are laid out by the PDF code around this body.
 */

export interface DefaultTemplate {
  readonly version: 1;
  readonly text: string;
}

const PURPOSE = 'Довідка видана {{purpose}}.';
/** The addressee, with the date of birth only when the entry has one. */
const ISSUED_TO = 'Видана гр. {{subject.dative}}[[, {{subject.birthDate}} р. н.]], в тому, що';
/** Registration and family open alike, so a combined certificate (R7.2) says it once. */
const REGISTERED_AT = `${ISSUED_TO} {{він|вона}} дійсно {{зареєстрований|зареєстрована}} за адресою: {{address}}.`;
/** Each presented document once; the house book as «записи будинкової книги» (R7.4.2). */
const GROUNDS = 'Підстава: {{grounds}}.';

const issuedTemplates: Record<string, string> = {
  // R7.1.1
  registration: [REGISTERED_AT, 'Дата реєстрації: {{registeredOn}}.', '{{household}}', GROUNDS, PURPOSE].join('\n'),
  // R7.1.2
  family: [REGISTERED_AT, 'Склад {{його|її}} сімʼї становить:', '{{household}}', GROUNDS, PURPOSE].join('\n'),
  // R7.1.3
  actual_residence_family: [
    `${ISSUED_TO} {{він|вона}} фактично проживає за адресою: {{address}}, що підтверджується довідкою органу самоорганізації населення: {{bodyCertificate}}.`,
    'Склад сімʼї за фактичним місцем проживання:',
    '{{household}}',
    GROUNDS,
    PURPOSE,
  ].join('\n'),
  // R7.1.4
  breadwinner_cohabitation: [
    `${ISSUED_TO} {{він|вона}} на момент смерті {{deceased.genitive}}, {{deceased:який|яка}} {{deceased:помер|померла}} {{deceased.deathDate}}, {{проживав|проживала}} спільно з {{deceased:ним|нею}} за адресою: {{address}}.`,
    'Родинний звʼязок з {{deceased:померлим|померлою}}: {{kinship}}; документ, що його підтверджує: {{kinshipDocument}}.',
    GROUNDS,
    PURPOSE,
  ].join('\n'),
};

/** R7.5, R7.8, R7.9: the inscription the administrator puts on a body's certificate. */
const certificationInscription = [
  'Підпис {{signer.roleGenitive}} {{body.typeGenitive}} «{{body.name}}» ({{signer.name}}) на довідці від {{certificateDate}} «{{kind.title}}», виданій гр. {{subject.dative}}, засвідчую.',
].join('\n');

/** R7.4, R7.6, R7.16: the body of a refusal notice; grounds are numbered lines. */
const refusalNotice = [
  'Гр. {{subject.dative}}, адреса: {{address}}.',
  'Повідомляємо, що у {{requested.action}} ({{requested}}) відмовлено з таких підстав:',
  '{{refusal.grounds}}',
  '{{referral}}',
  'Після усунення зазначених причин Ви можете звернутися повторно.',
].join('\n');

/**
 * Texts earlier releases seeded as version 1 of a kind. A register whose latest version of a kind
 * is still one of these, unedited, gets the current default as its next version (old entries keep
 * printing with the version they recorded); a text the council wrote itself is never replaced.
 */
const PREVIOUS_PURPOSE = 'Довідка видана {{purpose}}.';
export const retiredDefaultTexts: Readonly<Record<string, readonly string[]>> = {
  registration: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., в тому, що {{він|вона}} дійсно {{зареєстрований|зареєстрована}} за адресою: {{address}}.',
      'Дата реєстрації: {{registeredOn}}.',
      '{{household}}',
      'Підстава: записи {{housingSource}}; {{grounds}}.',
      PREVIOUS_PURPOSE,
    ].join('\n'),
  ],
  family: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., {{який|яка}} {{зареєстрований|зареєстрована}} за адресою: {{address}}, в тому, що склад {{його|її}} сімʼї становить:',
      '{{household}}',
      'Підстава: записи {{housingSource}}; {{grounds}}.',
      PREVIOUS_PURPOSE,
    ].join('\n'),
  ],
  actual_residence_family: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., в тому, що {{він|вона}} фактично проживає за адресою: {{address}}, що підтверджується довідкою органу самоорганізації населення: {{bodyCertificate}}.',
      'Склад сімʼї за фактичним місцем проживання:',
      '{{household}}',
      'Підстава: {{grounds}}.',
      PREVIOUS_PURPOSE,
    ].join('\n'),
  ],
  breadwinner_cohabitation: [
    [
      'Видана гр. {{subject.dative}}, {{subject.birthDate}} р. н., в тому, що {{він|вона}} на момент смерті {{deceased.genitive}}, який (яка) помер(ла) {{deceased.deathDate}}, {{проживав|проживала}} спільно з ним (нею) за адресою: {{address}}.',
      'Родинний звʼязок з померлим (померлою): {{kinship}}; документ, що його підтверджує: {{kinshipDocument}}.',
      'Підстава: записи {{housingSource}}; {{grounds}}.',
      PREVIOUS_PURPOSE,
    ].join('\n'),
  ],
};

function builtInDefaults(): Record<string, DefaultTemplate> {
  const defaults: Record<string, DefaultTemplate> = {
    [CERTIFICATION_TEMPLATE]: { version: 1, text: certificationInscription },
    [REFUSAL_TEMPLATE]: { version: 1, text: refusalNotice },
  };
  for (const kind of catalogue) {
    // Certified kinds print only the inscription: the body's own certificate is the document.
    const text = kind.sort === 'issued' ? issuedTemplates[kind.id] : certificationInscription;
    if (text !== undefined) defaults[kind.id] = { version: 1, text };
  }
  return defaults;
}

/** Default template of every catalogue kind, the certification inscription and the refusal notice. */
export const defaultTemplates: Readonly<Record<string, DefaultTemplate>> = builtInDefaults();

/** A starting text for a kind added by decision (R7.15), before the head of department edits it. */
export const customIssuedTemplate: DefaultTemplate = {
  version: 1,
  text: [
    'Видана гр. {{subject.dative}}[[, {{subject.birthDate}} р. н.]], в тому, що {{він|вона}} {{зареєстрований|зареєстрована}} за адресою: {{address}}.',
    'Підстава: {{grounds}}.',
    PURPOSE,
  ].join('\n'),
};
