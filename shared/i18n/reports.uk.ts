/** Звіти: експорт у XLSX (українською; аркуш звіту завжди українською, як і друковані документи). */
export default {
  errors: {
    reports: {
      periodReversed: 'Початок періоду пізніший за його кінець.',
      rowWidth: 'Кількість клітинок у рядку звіту не збігається з кількістю стовпців.',
    },
  },
  ui: {
    reports: {
      workbookTitle: 'Звіт ЦНАП про довідки, посвідчення і відмови',
      exportXlsx: 'Експорт у XLSX',
    },
  },
  reports: {
    workbook: {
      sheet: 'Звіт',
      period: 'Період: з {{from}} по {{to}}',
      created: 'Сформовано {{at}}',
      creator: 'ЦНАП — довідки',
    },
  },
} as const;
