/**
 * The register on PostgreSQL, version 9: name search by a word table instead of the `tsvector`
 * GIN index. The desk searches by prefix (a name is found while it is typed); a GIN index answers
 * `коваль:*` by merging the posting lists of every lexeme the prefix begins and then visits each
 * matching row in the table to count and order the matches (tens of milliseconds at a million
 * entries, see README «Performance»). Here each distinct word of an entry's search text is a row
 * `(word, hit)` — `hit` is the entry's full-text row id, the order entries were written in — and
 * the primary key is a B-tree in byte order (`COLLATE "C"`), so a prefix is one range of the index
 * and its matches, newest first, come from the index alone.
 *
 * The words are the `tsvector`'s lexemes, folded in the application (lower case, diacritics
 * dropped, apostrophes as ʼ): a C collation does not fold Cyrillic case, so nothing here relies on
 * the server's locale. A statement trigger on `entries_fts`, running with the owner's rights,
 * writes them for every search row any writer adds (the desk, a bulk load, a move from SQLite, an
 * imported bundle); the application role may only read the table. Existing registers are filled
 * from their `tsvector`s here. The GIN index is dropped: a phrase (`01-21/3`) is still checked
 * against the `tsvector`, but only on the rows the words found.
 */
export const postgresMigration0009 = `
CREATE TABLE entry_words (
  word TEXT COLLATE "C" NOT NULL,
  hit  BIGINT NOT NULL,
  PRIMARY KEY (word, hit)
);

CREATE FUNCTION entry_words_of_search_rows() RETURNS TRIGGER LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO entry_words (word, hit)
  SELECT l.lexeme, a.rowid FROM added a CROSS JOIN LATERAL unnest(a.lexemes) AS l;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION entry_words_of_search_rows() FROM PUBLIC;

CREATE TRIGGER entries_fts_words AFTER INSERT ON entries_fts
REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION entry_words_of_search_rows();

CREATE TRIGGER entry_words_no_update BEFORE UPDATE ON entry_words
FOR EACH ROW EXECUTE FUNCTION desk_refuse('entry_words: append-only');
CREATE TRIGGER entry_words_no_delete BEFORE DELETE ON entry_words
FOR EACH ROW EXECUTE FUNCTION desk_refuse('entry_words: append-only');
CREATE TRIGGER entry_words_no_truncate BEFORE TRUNCATE ON entry_words
FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('entry_words: append-only');

INSERT INTO entry_words (word, hit)
SELECT l.lexeme, f.rowid FROM entries_fts f CROSS JOIN LATERAL unnest(f.lexemes) AS l;

DROP INDEX entries_fts_lexemes;
`;
