/** Command-line strings for the register on a PostgreSQL server (moving a register, verify). */
export default {
  cli: {
    migratePostgres: {
      summary: "as the owner role, apply the register schema's migrations on the PostgreSQL server",
      done: 'Register schema on the server: version {{from}} → {{to}}.',
      upToDate: 'The register schema on the server is up to date (version {{to}}); nothing was changed.',
      granted: 'The role {{role}} was given its rights on the register tables.',
    },
    moveToPostgres: {
      summary: 'move the register from a data folder (SQLite) into an empty PostgreSQL database and check the copy',
      table: '  {{table}}: {{rows}} rows',
      entries: '  journal entries: {{done}} of {{total}}',
      verifying: '  verifying the chain of journal {{index}}…',
      countOk: '  {{table}}: {{server}} rows, as in the file',
      countBad: '  {{table}}: {{source}} rows in the file, {{server}} on the server — MISMATCH',
      done: 'Register moved in {{seconds}} s: every table and chain on the server matches the file.',
      rolledBack: 'The copy on the server did not match the file; nothing was written to the server. Check the file with verify --data-dir.',
      copyKeys:
        'Next, copy the folder {{keys}} to every workstation of the office (into the same data folder): the document signing keys live there, not in the register.',
    },
    verify: {
      serverPages: 'Register on the server {{server}}: the server checks its own data pages (checksums); quick_check is for the embedded register only.',
      whichRegister: 'Give --data-dir DIR (the embedded register) or --database URL (the register on a server).',
    },
  },
  errors: {
    registerMove: {
      deskRunning:
        'A desk is running on the data folder {{dataDir}}: close it (the desktop app or npm run serve) on this computer, then run the move again. Nothing was copied.',
      notEmpty:
        'The database on the server is not empty (rows in: {{tables}}). A register is moved only into an empty, freshly migrated database; nothing was changed.',
      unknownSchema:
        "The register file's table {{table}} does not match what this version of the app moves. Nothing was written; update the app.",
    },
  },
} as const;
