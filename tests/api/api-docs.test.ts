import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../src-main/api/api-docs';
import { contract } from '../../src-shared/contract';

describe('docs/API.md', () => {
  const current = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'API.md'), 'utf8');

  it('is what the contract generates (run npm run docs:api after changing the contract)', () => {
    expect(current).toBe(renderApiDocs());
  });

  it('lists every operation with its input fields', () => {
    for (const name of Object.keys(contract)) expect(current).toContain(`### ${name}`);
    expect(current).toContain('| `billTo.stateCode` | string | yes |');
  });
});
