import { spawnIssuer, type Issued } from './children.js';
import { prepareRegister } from './desk.js';
import { inspectRegister, type RegisterState } from './register-check.js';

export interface TwoWritersOutcome {
  perWriter: number;
  exits: { code: number | null; stderr: string }[];
  reported: Issued[][];
  state: RegisterState;
}

/** Two processes, each a whole desk on the same register file, issuing `perWriter` certificates at once (R7.12: no number twice). */
export async function runTwoWriters(perWriter: number): Promise<TwoWritersOutcome> {
  const register = await prepareRegister();
  try {
    const writers = [spawnIssuer(register, perWriter), spawnIssuer(register, perWriter)];
    const exits = await Promise.all(writers.map((writer) => writer.exited));
    const state = await inspectRegister(register.dataDir, register.journalId);
    return {
      perWriter,
      exits: exits.map(({ code, stderr }) => ({ code, stderr })),
      reported: writers.map((writer) => writer.issued),
      state,
    };
  } finally {
    register.remove();
  }
}
