import { defineConfig } from 'vitest/config';

// Tests share one real Redis; each file uses its own key prefix (tests/support/redis.ts).
// Project `single`: every test, against REDIS_URL. Project `cluster` (only when TEST_REDIS_CLUSTER_NODES
// is set — .ci/run starts a 3-master loopback cluster and sets it): the store, delivery and crash tests
// again, and the whole app in role `all`, against that Redis Cluster. Left out there: the CLI test (its child reads the app's config),
// the outage test (a private single server of its own).
const clusterProject = process.env.TEST_REDIS_CLUSTER_NODES
  ? [{
      extends: true as const,
      test: {
        name: 'cluster',
        include: ['tests/integration/store/*.test.ts', 'tests/integration/delivery/*.test.ts', 'tests/integration/cluster/*.test.ts', 'tests/e2e/app/role-all.test.ts'],
        exclude: ['tests/integration/store/feeds-opml-cli.test.ts', 'tests/integration/delivery/redis-outage.test.ts'],
        env: { TANBIH_TEST_ON_CLUSTER: '1' },
      },
    }]
  : [];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [{ extends: true, test: { name: 'single', include: ['tests/**/*.test.ts'] } }, ...clusterProject],
  },
});
