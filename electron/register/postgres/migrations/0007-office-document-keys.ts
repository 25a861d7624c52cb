/**
 * The register on PostgreSQL, version 7: SQLite's migration 0009 (the offices' document keys and
 * short-code seals their bundles carry to the centre), with the same tables and trigger messages.
 */
export const postgresMigration0007 = `
CREATE TABLE office_document_keys (
  office_id       TEXT NOT NULL REFERENCES offices (id),
  office_code     TEXT NOT NULL,
  fingerprint     TEXT NOT NULL,
  public_key      TEXT NOT NULL,
  bundle_sequence INTEGER NOT NULL CHECK (bundle_sequence >= 1),
  received_at     TEXT NOT NULL,
  PRIMARY KEY (office_id, fingerprint)
);

CREATE INDEX office_document_keys_code ON office_document_keys (office_code);

CREATE TABLE office_code_seals (
  entry_id TEXT PRIMARY KEY REFERENCES entries (id),
  seal     TEXT NOT NULL
);
${['office_document_keys', 'office_code_seals']
  .map((table) =>
    (['update', 'delete', 'truncate'] as const)
      .map(
        (event) => `
CREATE TRIGGER ${table}_no_${event} BEFORE ${event.toUpperCase()} ON ${table}
FOR EACH ${event === 'truncate' ? 'STATEMENT' : 'ROW'} EXECUTE FUNCTION desk_refuse('${table}: append-only');`,
      )
      .join(''),
  )
  .join('\n')}
`;
