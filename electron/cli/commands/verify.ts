import type { CheckpointAgreement, FirstBadEntry, VerifyResult } from '../../register/chain-verifier.js';
import { connectRegister } from '../../register/connect.js';
import { createRegisterServices, type RegisterServices } from '../../register/index.js';
import { databaseOptions, dataDirOption, EXIT, optionalString, t, UsageError, type CliCommand, type CliIo } from '../command.js';
import type { SchemaFault } from '../../register/schema-check.js';

/**
 * For the council's IT person (R7.7): integrity check and every journal's chain, of the embedded register
 * (`--data-dir`) or the one on a server (`--database`); exit 0 only when all is sound.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: t('cli.verify.summary'),
  usage: [
    'verify --data-dir DIR',
    'verify --data-dir DIR --witness CODE',
    'verify --data-dir DIR --database URL [--ca-file FILE] [--witness CODE]',
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
        // The checkpoint log is the desk's, not the server's (R7.7): without its folder it cannot be compared.
        if (dataDir === undefined) io.out(t('cli.verify.checkpointsElsewhere'));
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
        if (journal.result && !reportJournal(journal, journal.result, io, journal.checkpoint)) sound = false;
      }
      if (sound) io.out(t('cli.verify.allOk'));
      const witnessed = witness === undefined || (await checkWitness(services, witness, io));
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

/** When a checkpoint was signed, as a person in the office reads it (Kyiv time). */
function kyivMoment(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The first fault of a journal in words: which entry, what happened to it (no reason codes). */
export function describeFault(journal: { journalIndex: string; officeCode: string }, bad: FirstBadEntry): string {
  const params = {
    index: journal.journalIndex,
    office: journal.officeCode,
    year: bad.year,
    printedNumber: bad.printedNumber,
    missing: bad.entryId === null ? bad.printedNumber : (bad.missingPrintedNumber ?? bad.printedNumber),
    at: bad.checkpointAt ? kyivMoment(bad.checkpointAt) : '',
  };
  if (bad.reason === 'gap') {
    if (bad.entryId === null) return t('cli.verify.fault.gap', params);
    return t(bad.expectedNumber === undefined ? 'cli.verify.fault.counter' : 'cli.verify.fault.gapBefore', params);
  }
  return t(`cli.verify.fault.${bad.reason}`, params);
}

/** One journal's verification, as a line naming it; false when its chain is not sound. */
export function reportJournal(journal: { journalIndex: string; officeCode: string }, result: VerifyResult, io: CliIo, checkpoint?: CheckpointAgreement): boolean {
  if (!result.ok) {
    io.err(describeFault(journal, result.firstBad));
    return false;
  }
  const words = [t('cli.verify.journalOk', { index: journal.journalIndex, office: journal.officeCode, entries: result.entries })];
  if (checkpoint) words.push(t('cli.verify.checkpointOk', { at: kyivMoment(checkpoint.at), size: checkpoint.size }));
  if (checkpoint?.restored) words.push(t('cli.verify.restoredFrom', { from: checkpoint.restored.from, at: kyivMoment(checkpoint.restored.at) }));
  io.out(words.join(' '));
  return true;
}

/**
 * A printed journal page's footer code (the chain head after its last entry): whether the register
 * still holds exactly what that page witnessed, checked against the chain and the signed
 * checkpoint log (R7.7).
 */
async function checkWitness(services: RegisterServices, code: string, io: CliIo): Promise<boolean> {
  const verdict = await services.verification.witness(code);
  if (verdict.state === 'unknown') {
    io.err(t('cli.verify.witnessUnknown', { code }));
    return false;
  }
  const params = {
    code,
    index: verdict.journalIndex,
    office: verdict.officeCode,
    printedNumber: verdict.printedNumber,
    date: verdict.localDate ? verdict.localDate.split('-').reverse().join('.') : '',
  };
  if (verdict.state === 'held') {
    io.out(t('cli.verify.witnessMatches', params));
    io.out(t(verdict.checkpointAt ? 'cli.verify.witnessHeldSigned' : 'cli.verify.witnessHeld', { at: verdict.checkpointAt ? kyivMoment(verdict.checkpointAt) : '' }));
    return true;
  }
  if (verdict.state === 'held_fault_later') {
    io.out(t('cli.verify.witnessMatches', params));
    io.err(t('cli.verify.witnessHeldFaultLater'));
    return false;
  }
  io.err(t('cli.verify.witnessChanged', params));
  if (verdict.fault) io.err(describeFault({ journalIndex: verdict.journalIndex, officeCode: verdict.officeCode }, verdict.fault));
  return false;
}
