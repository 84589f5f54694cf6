import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// `npm run test:scale -- --db PATH`: the orders list on a generated ledger (L: 1M orders), outside `npm test`.
const port = Number(process.env.E2E_PORT ?? 5188);
const db = process.env.SCALE_DB;
if (!db) throw new Error('Set SCALE_DB (npm run test:scale -- --db PATH)');

export default defineConfig({
  ...base,
  testDir: '.',
  // Opening a 6 GB ledger runs quick_check over every page first; a jump counts through an index.
  timeout: 600_000,
  expect: { timeout: 120_000 },
  outputDir: '../../test-results/e2e-scale',
  webServer: {
    command: `node out/main/serve.js --db ${JSON.stringify(db)} --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    cwd: '../..',
    reuseExistingServer: false,
    timeout: 900_000,
  },
});
