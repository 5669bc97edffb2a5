import { defineConfig } from 'vitest/config';

// Tests share one real Redis; each file uses its own key prefix (tests/support/redis.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
