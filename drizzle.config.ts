import { defineConfig } from 'drizzle-kit';

// Migrations live under resources/ so the packaged app ships them beside its fonts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/ledger/schema/index.ts',
  out: './resources/migrations',
});
