/**
 * The power of attorney a representative shows when receiving a document (R7.4.4, section E: the
 * journal records who received it): its number, date and issuer, kept with the handover. The
 * three are all there or all absent, and only a representative's handover has them; handovers
 * written before this version keep none. The table stays append-only (its triggers are untouched).
 */
const sql = `
ALTER TABLE handovers ADD COLUMN proxy_number TEXT;
ALTER TABLE handovers ADD COLUMN proxy_date TEXT;
ALTER TABLE handovers ADD COLUMN proxy_issuer TEXT
  CHECK ((proxy_number IS NULL) = (proxy_date IS NULL) AND (proxy_date IS NULL) = (proxy_issuer IS NULL)
         AND (proxy_number IS NULL OR received_by = 'representative'));
`;

export const migration0011 = { version: 11, name: 'handover-power-of-attorney', sql } as const;
