import type { VerifyResult } from '../../register/chain-verifier.js';
import { connectRegister } from '../../register/connect.js';
import { createRegisterServices } from '../../register/index.js';
import { entriesWithHashPrefix } from '../../register/repositories/witness.js';
import { databaseOptions, dataDirOption, EXIT, optionalString, t, UsageError, type CliCommand, type CliIo } from '../command.js';
import type { RegisterDb } from '../../register/database.js';
import type { SchemaFault } from '../../register/schema-check.js';

/**
 * Issue 4 §10, issue 11 §8: integrity check and every journal's chain, of the embedded register
 * (`--data-dir`) or the one on a server (`--database`); exit 0 only when all is sound.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: t('cli.verify.summary'),
  usage: [
    'verify --data-dir DIR',
    'verify --data-dir DIR --witness CODE',
    'verify --database URL [--ca-file FILE] [--witness CODE]',
  ],
  options: { ...dataDirOption, ...databaseOptions, witness: { type: 'string' } },
  async run(values, io) {
    const dataDir = optionalString(values, 'data-dir');
    const database = optionalString(values, 'database');
    const caFile = optionalString(values, 'ca-file');
    if (dataDir === undefined && database === undefined) throw new UsageError(t('cli.verify.whichRegister'));
    const witness = typeof values.witness === 'string' ? values.witness.trim().toLowerCase() : undefined;
    if (witness !== undefined && !/^[0-9a-f]{16}$/.test(witness)) throw new UsageError(t('cli.verify.witnessFormat'));
    // Read-only: checking a register must never change it (on a server: no migration either).
    const db = await connectRegister({
      dataDir: dataDir ?? '.',
      ...(database ? { database } : {}),
      ...(caFile ? { caFile } : {}),
      readonly: true,
    });
    try {
      const services = createRegisterServices({ db, dataDir: dataDir ?? '.' });
      if (db.location.backend === 'postgres') {
        io.out(t('cli.verify.serverPages', { server: db.location.server }));
      } else {
        const integrity = await services.verification.quickCheck();
        if (!integrity.ok) {
          io.err(t('cli.verify.integrityFailed'));
          for (const message of integrity.messages) io.err(`  ${message}`);
          return EXIT.failed;
        }
      }
      const health = await services.verification.verifyAllJournals();
      let sound = reportSchema(health.schema?.faults ?? [], io);
      for (const journal of health.journals) {
        if (journal.result && !reportJournal(journal, journal.result, io)) sound = false;
      }
      if (sound) io.out(t('cli.verify.allOk'));
      const witnessed = witness === undefined || (await checkWitness(db, witness, io));
      return sound && witnessed ? EXIT.ok : EXIT.failed;
    } finally {
      await db.close();
    }
  },
};

/** The register's protections (triggers, constraints) that differ from the migrations', in words; false when any does. */
export function reportSchema(faults: readonly SchemaFault[], io: CliIo): boolean {
  if (faults.length === 0) return true;
  io.err(t('schemaCheck.title'));
  for (const fault of faults) io.err(`  ${describeSchemaFault(fault)}`);
  io.err(t('schemaCheck.readOnly'));
  return false;
}

/** One protection that differs from the migrations', as a sentence. */
export function describeSchemaFault(fault: SchemaFault): string {
  const what = t(`schemaCheck.${fault.problem === 'missing' ? 'genitive' : 'accusative'}.${fault.kind}`);
  return t(`schemaCheck.fault.${fault.problem}`, { what, name: fault.name, table: fault.table });
}

/** One journal's verification, as a line naming it; false when its chain is not sound. */
export function reportJournal(journal: { journalIndex: string; officeCode: string }, result: VerifyResult, io: CliIo): boolean {
  if (result.ok) {
    io.out(t('cli.verify.journalOk', { index: journal.journalIndex, office: journal.officeCode, entries: result.entries }));
    return true;
  }
  const bad = result.firstBad;
  io.err(
    t('cli.verify.journalBad', {
      index: journal.journalIndex,
      office: journal.officeCode,
      year: bad.year,
      number: bad.number,
      printedNumber: bad.printedNumber,
      reason: bad.reason,
    }),
  );
  return false;
}

/** A printed journal page's footer code must be the start of a real entry's hash (issue 6 §5). */
async function checkWitness(db: RegisterDb, code: string, io: CliIo): Promise<boolean> {
  const [match] = await entriesWithHashPrefix(db, code);
  if (!match) {
    io.err(t('cli.verify.witnessUnknown', { code }));
    return false;
  }
  const date = match.localDate.split('-').reverse().join('.');
  io.out(t('cli.verify.witnessMatches', { code, index: match.journalIndex, office: match.officeCode, printedNumber: match.printedNumber, date }));
  return true;
}
