/** Kinds added by an executive committee decision (R7.15), on the issue form. */
export default {
  ui: {
    issue: {
      customKind: '{{title}} (cl. 7.15, decision No. {{number}} of {{date}})',
    },
  },
} as const;
