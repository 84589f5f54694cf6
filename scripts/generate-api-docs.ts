import fs from 'node:fs';
import path from 'node:path';
import { apiDocFiles } from '../src-main/api/api-docs';

const root = path.resolve(__dirname, '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
for (const [file, text] of Object.entries(apiDocFiles(version))) {
  fs.writeFileSync(path.join(root, file), text);
  console.log(`Wrote ${file}`);
}
