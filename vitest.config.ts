import { defineConfig } from 'vitest/config';

// Tests import the TypeScript sources directly; dist/ is only for the CLI and benchmarks.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
