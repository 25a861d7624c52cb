import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED_PASSWORD } from './synthetic/desk-cast.js';
import { seedTrainingRegister } from './synthetic/generator.js';

/** The account a trainee signs in with; printed on the login screen of the training register only. */
export const TRAINING_LOGIN = { login: 'head', password: SEED_PASSWORD } as const;

/**
 * `--demo`: a throwaway register in a temporary folder, seeded with a realistic month of work
 * (the generator the benchmark uses), so a newcomer practises on a working desk and never touches the real journal.
 */
export async function prepareTrainingRegister(now: Date = new Date()): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cnap-training-'));
  await seedTrainingRegister(dataDir, { now });
  return dataDir;
}
