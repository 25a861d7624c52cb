/** Reports: XLSX export (English; the workbook itself is always Ukrainian, like the printed documents). */
export default {
  errors: {
    reports: {
      periodReversed: 'The period starts after it ends.',
      rowWidth: 'A report row has a different number of cells than the report has columns.',
    },
  },
  ui: {
    reports: {
      workbookTitle: 'CNAP report on certificates, certifications and refusals',
      exportXlsx: 'Export to XLSX',
    },
  },
  reports: {
    workbook: {
      sheet: 'Report',
      period: 'Period: from {{from}} to {{to}}',
      created: 'Created {{at}}',
      creator: 'CNAP certificates',
    },
  },
} as const;
