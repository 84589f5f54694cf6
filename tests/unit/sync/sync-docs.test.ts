import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSyncDocs } from '../../../scripts/sync-docs/render';
import { eventTypes, masterTypes } from '../../../src-shared/sync';

describe('docs/SYNC.md', () => {
  const current = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'SYNC.md'), 'utf8');

  it('is what the protocol text and the zod schemas generate (run npm run docs:sync after changing either)', () => {
    expect(current).toBe(renderSyncDocs());
  });

  it('carries a JSON Schema for every event type and master type', () => {
    for (const t of eventTypes) expect(current).toContain(`### ${t} (schemaVersion 1)`);
    for (const t of masterTypes) expect(current).toContain(`### ${t}\n`);
    expect(current).toContain('"const": "invoice.posted"');
  });
});
