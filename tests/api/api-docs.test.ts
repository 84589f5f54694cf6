import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiDocFiles } from '../../src-main/api/api-docs';
import { contract } from '../../src-shared/contract';

const root = path.resolve(__dirname, '..', '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const generated = apiDocFiles(version);

describe('docs/API.md and docs/openapi.json', () => {
  const current = fs.readFileSync(path.join(root, 'docs', 'API.md'), 'utf8');

  it('are what the contract generates (run npm run docs:api after changing the contract)', () => {
    expect(current).toBe(generated['docs/API.md']);
    expect(fs.readFileSync(path.join(root, 'docs', 'openapi.json'), 'utf8')).toBe(generated['docs/openapi.json']);
  });

  it('lists every operation with its input fields', () => {
    for (const name of Object.keys(contract)) expect(current).toContain(`### ${name}`);
    expect(current).toContain('| `billTo.stateCode` | string | yes |');
  });
});

/** The operation's section of the doc, from its heading to the next one. */
function section(doc: string, name: string): string {
  const start = doc.indexOf(`### ${name}\n`);
  const next = doc.indexOf('\n### ', start + 4);
  return doc.slice(start, next === -1 ? undefined : next);
}

describe('docs/API.md shows every nested shape an integrator needs', () => {
  const doc = generated['docs/API.md'];

  it('documents each kind of scheme rule with its own nested fields', () => {
    const schemes = section(doc, 'schemes.create');
    expect(schemes).toContain('| `rule.buyProductId` | integer | yes | when kind = "free_goods"');
    expect(schemes).toContain('| `rule.slabs[].minQuantity` | integer | yes | when kind = "volume"');
    expect(schemes).toContain('| `rule.target.brands` | string[] |  | when kind = "volume"');
  });

  it('documents delivery note lines, payment allocations and list rows, in and out', () => {
    expect(section(doc, 'deliveryNotes.post')).toContain('| `lines[].reservationId` | integer | yes |');
    expect(section(doc, 'deliveryNotes.get')).toContain('| `lines[].batchNo` | string | yes |');
    expect(section(doc, 'payments.record')).toContain('| `allocations[].invoiceId` | integer | yes |');
    expect(section(doc, 'orders.list')).toContain('| `rows[].number` | string \\| null | yes |');
    expect(section(doc, 'invoices.get')).toContain('| `hsnSummary[].taxable` | integer | yes |');
  });

  it('leaves no object or list of objects undescribed', () => {
    // A row typed object / object[] must be followed by a row for one of its fields.
    const lines = doc.split('\n');
    lines.forEach((line, i) => {
      const m = /^\| `([^`]+)` \| (object|object\[\]) \|/.exec(line);
      if (!m) return;
      const child = m[2] === 'object' ? `${m[1]}.` : `${m[1]}[]`;
      expect(
        lines.slice(i + 1, i + 40).some((l) => l.startsWith(`| \`${child}`)),
        `${m[1]} has no documented fields`,
      ).toBe(true);
    });
  });
});
