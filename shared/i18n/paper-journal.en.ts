/** Continuing a paper journal mid-year (section E: numbering without gaps). */
export default {
  errors: {
    journals: {
      yearStartSet: 'The number of this journal’s first entry of {{year}} is already set; it cannot be changed.',
      yearStartAfterEntries: 'The journal already has entries of {{year}} (or of a later year): a paper journal can be continued only before the year’s first entry.',
    },
  },
  ui: {
    paperJournal: {
      open: 'Paper journal',
      title: 'Continuing a paper journal',
      hint: 'If this year’s journal was kept on paper, the desk’s first entry takes the next number. Set once, before the year’s first entry.',
      paperLastNumber: 'Last number in the paper journal',
      paperClosedBy: 'Who closed the paper journal (name, position)',
      firstNumber: 'The desk’s first entry of {{year}} takes No. {{number}}',
      set: 'Set',
      continued: '{{year}}: continues a paper journal — first No. {{first}} (paper ended at No. {{last}}, closed by {{closedBy}}; set by {{name}})',
    },
  },
} as const;
