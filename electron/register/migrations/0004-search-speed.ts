/**
 * Two things a register of a million entries needs (the benchmark's figures):
 *
 * - The year check on insert looked up `MAX(year)` of the journal, which SQLite answers by walking
 *   the journal's whole index range: every issued certificate paid for a scan. The journal's latest
 *   entry by (year, number) carries the same year and is one index probe away, as the chain-link
 *   trigger already reads it. Same rule, same message.
 * - The full-text index gets prefix indexes for two and three letters: a search for «ко» no
 *   longer merges the lists of every word starting with it (Коваленко, Костянтин, …). The stored
 *   text is copied over with its rowids, so the order of writing is kept.
 */
const sql = `
DROP TRIGGER entries_year_not_backwards;

CREATE TRIGGER entries_year_not_backwards BEFORE INSERT ON entries
WHEN NEW.year < (SELECT year FROM entries WHERE journal_id = NEW.journal_id ORDER BY year DESC, number DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'entries: the journal is already in a later year'); END;

CREATE VIRTUAL TABLE entries_fts_prefixed USING fts5(
  entry_id UNINDEXED,
  names,
  address,
  number,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '2 3'
);
INSERT INTO entries_fts_prefixed (rowid, entry_id, names, address, number)
  SELECT rowid, entry_id, names, address, number FROM entries_fts;
DROP TABLE entries_fts;
ALTER TABLE entries_fts_prefixed RENAME TO entries_fts;
`;

export const migration0004 = { version: 4, name: 'search-and-chain-head', sql } as const;
