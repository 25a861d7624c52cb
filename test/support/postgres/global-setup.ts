import { CLUSTER_ENV, startTestCluster } from './cluster.js';
import { postgresMissingMessage, postgresSkipReason } from './availability.js';

/**
 * vitest globalSetup (vitest.postgres.config.ts): one throwaway cluster for the whole run, its
 * address handed to the test workers through `DESK_PG_CLUSTER`, stopped and deleted at the end.
 * Without PostgreSQL: CI fails here; a developer's run skips the PostgreSQL suites, saying why.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const missing = postgresSkipReason();
  if (missing) {
    if (process.env.CI === 'true') throw new Error(postgresMissingMessage(missing));
    console.warn(postgresMissingMessage(missing));
    return undefined;
  }
  const cluster = await startTestCluster();
  process.env[CLUSTER_ENV] = JSON.stringify(cluster.info);
  return () => cluster.stop();
}
