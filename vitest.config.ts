import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/mongo-server.ts'],
    // The end-to-end tests each start a bot and talk to one shared Mongo-wire server; two cores
    // are better spent on two test files at a time than on contention.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
