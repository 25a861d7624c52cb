/** Messages of issuing and printing (electron/app), Ukrainian. Keys are identical in issuing.en.ts. */
export default {
  errors: {
    issuing: {
      signatoryUnavailable: 'Обраний підписант не діє на сьогодні або не підписує документи цього офісу. Оберіть іншого в довіднику підписантів.',
      declensionNeedsReview: 'Програма не змогла визначити стать для відмінювання імені. Перевірте й підтвердьте форми імені в давальному та родовому відмінках.',
      nothingToRefuse: 'Усі потрібні документи подано: підстав для відмови немає, довідку слід видати.',
      journalOwnedElsewhere: 'Цей журнал веде інше робоче місце; записи до нього надходять лише з пакетами обміну.',
    },
    printing: {
      templateMissing: 'Не знайдено версію шаблону, з якою зареєстровано запис ({{kind}}).',
      templateBroken: 'Шаблон {{kind}} (версія {{version}}) пошкоджено; документ не сформовано.',
      wrongSort: 'Цей запис не є довідкою.',
      badRange: 'Початкова дата періоду пізніша за кінцеву.',
    },
  },
} as const;
