/**
 * The register on PostgreSQL, version 10: SQLite's migration 0011, the power of attorney of a
 * representative's handover (number, date, issuer), all three or none, only for a representative.
 */
export const postgresMigration0010 = `
ALTER TABLE handovers
  ADD COLUMN proxy_number TEXT,
  ADD COLUMN proxy_date TEXT,
  ADD COLUMN proxy_issuer TEXT,
  ADD CONSTRAINT handovers_power_of_attorney
    CHECK ((proxy_number IS NULL) = (proxy_date IS NULL) AND (proxy_date IS NULL) = (proxy_issuer IS NULL)
           AND (proxy_number IS NULL OR received_by = 'representative'));
`;
