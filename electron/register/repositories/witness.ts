import type { Sql } from '../sql.js';

export interface WitnessMatch {
  journalId: string;
  year: number;
  number: number;
  journalIndex: string;
  officeCode: string;
  printedNumber: string;
  localDate: string;
}

/**
 * Entries whose hash starts with a printed page's witness code (the signed paper journal
 * witnesses the electronic one, R7.7). A scan over the hash column: it runs only from the
 * command line, when someone checks a paper journal.
 */
export async function entriesWithHashPrefix(db: Sql, prefix: string): Promise<WitnessMatch[]> {
  return db.all<WitnessMatch>(
    `SELECT j.id AS "journalId", e.year, e.number, j.nomenclature_index AS "journalIndex", o.code AS "officeCode", e.printed_number AS "printedNumber",
       e.local_date AS "localDate"
     FROM entries e JOIN journals j ON j.id = e.journal_id JOIN offices o ON o.id = j.office_id
     WHERE substr(e.hash, 1, ?) = ?`,
    [prefix.length, prefix],
  );
}
