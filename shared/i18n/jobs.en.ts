/** Long operations: progress, stages and cancelling of journal pages, backup and restore. */
export default {
  errors: {
    jobs: {
      notFound: 'Operation not found: it ended long ago or another user started it.',
      busy: 'A backup or restore is already running. Wait until it finishes.',
      cannotStopNow: 'It cannot be stopped now: the register is being replaced by the copy. Stopping would leave it half replaced.',
      cancelled: 'The operation was cancelled.',
    },
  },
  ui: {
    jobs: {
      title: {
        journalPages: 'Printing journal pages',
        backup: 'Backup',
        restore: 'Restore from a backup',
      },
      stage: {
        journalPages: {
          reading: 'Reading the journal entries…',
          layout: 'Laying out rows: {{done}} of {{total}}',
          rendering: 'Making pages: {{done}} of {{total}} entries',
        },
        backup: {
          copying: 'Copying the register…',
          checking: 'Checking the copy…',
        },
        restore: {
          checking: 'Checking the chosen backup…',
          saving: 'Saving the current register…',
          replacing: 'Replacing the register with the backup…',
        },
      },
      percent: '{{percent}} %',
      progressLabel: 'Progress of the operation',
      starting: 'Starting…',
      cancel: 'Cancel',
      cancelling: 'Cancelling…',
      cannotStop: 'This stage cannot be stopped: the register is being replaced, and stopping would damage it.',
      done: 'Done.',
      cancelled: 'Cancelled. Nothing was changed.',
      failed: 'Failed.',
      close: 'Close',
      restoreDone: 'The register was restored from {{name}}. The previous state was saved as {{saved}}. Everyone was logged out — please log in again.',
      toLogin: 'To the login',
      actions: 'Actions',
    },
  },
} as const;
