import type { PlaceholderName, RenderGrammar } from './templates.js';

/**
 * Values a template preview fills in (the head edits a template and sees the text a citizen would
 * get). Every placeholder has one, so a preview never hides a paragraph a real entry would print.
 */
export const sampleTemplateValues: Readonly<Record<Exclude<PlaceholderName, 'household'>, string>> = {
  'subject.nominative': 'Шевченко Тарас Григорович',
  'subject.dative': 'Шевченку Тарасу Григоровичу',
  'subject.genitive': 'Шевченка Тараса Григоровича',
  'subject.birthDate': '09.03.1980',
  address: 'м. Глухів, вул. Київська, буд. 12, кв. 3',
  'signatory.position': 'Начальник відділу «Центр надання адміністративних послуг»',
  'signatory.name': 'Олена ПЕТРЕНКО',
  'entry.date': '24.11.2026',
  'entry.number': '01-21/154',
  'kind.title': 'Довідка про склад сімʼї',
  purpose: 'для предʼявлення за місцем вимоги',
  grounds: 'паспорт громадянина України серії КВ № 123456; будинкова книга',
  housingSource: 'будинкової книги',
  registeredOn: '01.06.1985',
  bodyCertificate: 'довідка квартального комітету № 12 від 20.11.2026',
  'deceased.genitive': 'Шевченка Григорія Івановича',
  'deceased.deathDate': '02.02.2026',
  kinship: 'син',
  kinshipDocument: 'свідоцтво про народження серії I-БП № 654321',
  'body.name': 'Квартальний комітет № 12',
  'body.typeGenitive': 'квартального (будинкового) комітету',
  'signer.role': 'голова',
  'signer.roleGenitive': 'голови',
  'signer.name': 'Бондар Василь Петрович',
  certificateDate: '20.11.2026',
  requested: 'Довідка про склад сімʼї',
  'requested.action': 'видачі довідки',
  'refusal.grounds': '1. Не подано будинкову книгу (підпункт 2 пункту 7.4 Порядку видачі довідок).',
  referral: 'Для отримання інформації зверніться до відділу ведення реєстру територіальної громади.',
};

/** The sample people are men (Тарас, his father Григорій, Василь Бондар): the preview prints their forms. */
export const sampleTemplateGrammar: RenderGrammar = { gender: 'male', deceased: 'male', signer: 'male' };
