/** Ukrainian strings of the directories, templates storage and declension (same keys as directories.en.ts). */
export default {
  directories: {
    sealKinds: {
      for_certificates: 'Печатка «Для довідок»',
      executive_committee: 'Печатка виконавчого комітету',
    },
    bodyTypes: {
      committee: 'Орган самоорганізації населення',
      osbb: 'ОСББ',
    },
    committeeKinds: {
      quarter: 'Квартальний комітет',
      house: 'Будинковий комітет',
    },
    postRoles: {
      head: 'Голова',
      deputy: 'Заступник голови',
    },
    settlementKinds: {
      city: 'місто',
      settlement: 'селище',
      village: 'село',
    },
    streetKinds: {
      street: 'вулиця',
      lane: 'провулок',
      avenue: 'проспект',
      boulevard: 'бульвар',
      square: 'площа',
      passage: 'проїзд',
      descent: 'узвіз',
      dead_end: 'тупик',
      highway: 'шосе',
      microdistrict: 'мікрорайон',
    },
  },
  errors: {
    directories: {
      signatoryNotFound: 'Підписанта не знайдено.',
      bodyNotFound: 'Орган самоорганізації або ОСББ не знайдено.',
      postNotFound: 'Запис про посаду не знайдено.',
      settlementNotFound: 'Населений пункт не знайдено.',
      streetNotFound: 'Вулицю не знайдено.',
      periodOrder: 'Дата закінчення не може бути раніше дати початку.',
      periodOverlap: 'З {{from}} посаду вже обіймає інша особа. Історію не переписують: закрийте чинний період і додайте новий.',
      postClosed: 'Цей період уже закрито.',
      osbbNoDeputy: 'Довідки ОСББ підписує голова ОСББ (п. 7.8): заступників для ОСББ не ведуть.',
      bodyTypeFixed: 'Тип органу (комітет чи ОСББ) змінити не можна.',
      streetExists: 'Така вулиця в цьому населеному пункті вже є.',
      committeeKindForOsbb: 'Вид комітету зазначають лише для комітетів, не для ОСББ.',
      sealNameWithoutSeal: 'Назву печатки зазначають лише тоді, коли печатка є.',
    },
    templates: {
      invalid: 'Шаблон не збережено: помилок — {{count}}.',
      notFound: 'Шаблон не знайдено.',
      unknownKind: 'Невідомий вид довідки: {{kindId}}.',
      kindExists: 'Вид довідки {{kindId}} уже існує.',
    },
  },
} as const;
