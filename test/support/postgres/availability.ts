import { clusterFromEnv, postgresBinDir } from './cluster.js';

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresSkipReason(): string | undefined {
  if (clusterFromEnv() || postgresBinDir()) return undefined;
  return 'PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)';
}

export function postgresMissingMessage(reason: string): string {
  return `PostgreSQL tests ${process.env.CI === 'true' ? 'cannot run in CI' : 'skipped'}: ${reason}`;
}
