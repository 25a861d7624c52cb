/** The register's protections (triggers, constraints) checked at start-up and by `cli verify`. */
export default {
  errors: {
    register: {
      schemaTampered:
        "The register's protection was changed outside the app ({{objects}}). Every journal is read-only until IT puts the protection back (npm run cli -- verify shows what is missing; npm run cli -- restore-protections puts it back).",
    },
  },
  schemaCheck: {
    title: "The register's protection (the triggers and constraints that stop an entry being changed or removed, or a number skipped) is not as the app creates it:",
    readOnly: 'Every journal is read-only until the protection is put back (npm run cli -- restore-protections --data-dir FOLDER, with the app closed). No entry was changed; copy the whole data folder before doing anything else.',
    fault: {
      missing: 'Missing {{what}} «{{name}}» (table {{table}}).',
      altered: 'Changed {{what}} «{{name}}» (table {{table}}): its definition differs from the one the app creates.',
      disabled: 'Disabled {{what}} «{{name}}» (table {{table}}): it does not fire.',
      unexpected: 'Foreign {{what}} «{{name}}» (table {{table}}): the app never created it, and it can change entries.',
    },
    cli: {
      summary: "put the register's triggers and indexes back as the app creates them (no entry is changed)",
      nothing: "The register's protection is already as the app creates it. Nothing was changed.",
      restored: "Put back as the app defines them (no entry was changed):",
      left: 'This cannot be put back without comparing copies (the table itself was changed); copy the whole data folder and call IT:',
    },
    genitive: { trigger: 'trigger', index: 'index', table: 'table', view: 'view', function: 'function', constraint: 'unique constraint' },
    accusative: { trigger: 'trigger', index: 'index', table: 'table', view: 'view', function: 'function', constraint: 'unique constraint' },
  },
};
