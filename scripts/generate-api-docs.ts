import fs from 'node:fs';
import path from 'node:path';
import { renderApiDocs } from '../src-main/api/api-docs';

const target = path.resolve(__dirname, '..', 'docs', 'API.md');
fs.writeFileSync(target, renderApiDocs());
console.log(`Wrote ${target}`);
