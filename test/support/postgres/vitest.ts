import { afterAll, beforeAll, describe } from 'vitest';
import { CLUSTER_ENV, clusterFromEnv, startTestCluster, type ClusterInfo, type TestCluster } from './cluster.js';
import { postgresMissingMessage, postgresSkipReason } from './availability.js';

const skipReason = postgresSkipReason();
if (skipReason && process.env.CI === 'true') throw new Error(postgresMissingMessage(skipReason));
if (skipReason) console.warn(postgresMissingMessage(skipReason));

/** `describe` when PostgreSQL can run here, `describe.skip` (with the reason printed) when not. */
export const describePostgres = skipReason ? describe.skip : describe;

/**
 * The run's cluster (vitest.postgres.config.ts starts one), or, when this file runs under another
 * config, one started for this file and stopped after it. Call inside `describePostgres`.
 */
export function useTestCluster(): () => ClusterInfo {
  let own: TestCluster | undefined;
  beforeAll(async () => {
    if (clusterFromEnv()) return;
    own = await startTestCluster();
    process.env[CLUSTER_ENV] = JSON.stringify(own.info);
  }, 120_000);
  afterAll(async () => {
    if (!own) return;
    delete process.env[CLUSTER_ENV];
    await own.stop();
  });
  return () => {
    const info = clusterFromEnv();
    if (!info) throw new Error('the test cluster has not started');
    return info;
  };
}
