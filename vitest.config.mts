import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/hq/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two files at a time. Vitest's default on two cores is one (cores - 1), which leaves a core idle
    // whenever a file waits on fsync, a child process or a socket, and most of them do.
    maxWorkers: 2,
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 20_000,
    // A file's beforeAll builds its world through the API, which is slower with two files sharing the cores.
    hookTimeout: 20_000,
  },
});
