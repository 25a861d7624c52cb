/** Long operations: progress, stages and cancelling of journal pages, backup and restore. */
export default {
  errors: {
    jobs: {
      notFound: 'Операцію не знайдено: вона завершилася давно або її розпочав інший користувач.',
      busy: 'Уже триває резервне копіювання або відновлення. Дочекайтеся його завершення.',
      cannotStopNow: 'Зараз зупинити неможливо: реєстр замінюється копією. Зупинка лишила б його наполовину заміненим.',
      cancelled: 'Операцію скасовано.',
    },
  },
  ui: {
    jobs: {
      title: {
        journalPages: 'Друк сторінок журналу',
        backup: 'Резервне копіювання',
        restore: 'Відновлення з резервної копії',
      },
      stage: {
        journalPages: {
          reading: 'Читання записів журналу…',
          layout: 'Розмітка рядків: {{done}} з {{total}}',
          rendering: 'Формування сторінок: {{done}} з {{total}} записів',
        },
        backup: {
          copying: 'Копіювання реєстру…',
          checking: 'Перевірка копії…',
        },
        restore: {
          checking: 'Перевірка обраної копії…',
          saving: 'Збереження поточного реєстру…',
          replacing: 'Заміна реєстру копією…',
        },
      },
      percent: '{{percent}} %',
      progressLabel: 'Хід операції',
      starting: 'Запуск…',
      cancel: 'Скасувати',
      cancelling: 'Скасування…',
      cannotStop: 'Цей етап не можна зупинити: реєстр замінюється, зупинка пошкодила б його.',
      done: 'Готово.',
      cancelled: 'Скасовано. Нічого не змінено.',
      failed: 'Не вдалося.',
      close: 'Закрити',
      restoreDone: 'Реєстр відновлено з копії {{name}}. Поточний стан збережено як {{saved}}. Усіх користувачів виведено із системи — увійдіть знову.',
      toLogin: 'До входу',
      actions: 'Дії',
    },
  },
} as const;
