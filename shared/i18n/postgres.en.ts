/** Strings of the register on a PostgreSQL server (several workstations). */
export default {
  errors: {
    register: {
      serverUnavailable:
        'The register server ({{server}}) cannot be reached. Check the network or call IT, then try again.',
      serverOutcomeUnknown:
        'The connection to the register server ({{server}}) broke while saving, so it is not known whether the entry was saved. Do not repeat the action: once the connection is back, look the entry up in the journal (by surname), and issue again only if it is not there.',
      serverLogin:
        "The register server ({{server}}) refused the app's login. IT: check the role name, the password in PGPASSWORD or ~/.pgpass, and the database name.",
      serverCertificate:
        "The register server's certificate ({{server}}) failed verification (a different server or the wrong CA file). No connection was made.",
      migrationsPending:
        'The register schema on the server is older ({{found}}; this version of the app needs {{supported}}). IT: run the migration as the owner role (see docs/postgres.md).',
      missingGrants:
        "The app's role has no rights on the register's tables. IT: grant the app role its rights as the owner role (see docs/postgres.md).",
      badDatabaseUrl: 'The database address must look like postgres://user@server:port/database.',
      unsupportedUrlParameter: 'The parameter "{{parameter}}" in the database address is not supported.',
      weakSslMode:
        "sslmode={{mode}} does not verify the server. Use sslmode=verify-full with the council's CA file, or sslmode=disable only on this same computer.",
      caFileUnreadable: 'The CA certificate file {{file}} cannot be read.',
      passwordInUrl:
        'The database address must not contain a password: it would be seen in the command history and the list of processes. Give it in the PGPASSWORD variable or in ~/.pgpass (a line server:port:database:user:password, readable only by you; on Windows %APPDATA%\\postgresql\\pgpass.conf).',
    },
  },
} as const;
