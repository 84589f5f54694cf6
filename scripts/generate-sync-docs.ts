import fs from 'node:fs';
import path from 'node:path';
import { renderSyncDocs } from './sync-docs/render';

const target = path.resolve(__dirname, '..', 'docs', 'SYNC.md');
fs.writeFileSync(target, renderSyncDocs());
console.log(`Wrote ${target}`);
