import { z } from 'zod';
import { contract, errorStatus, type OperationName } from '../../src-shared/contract';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
};

function typeName(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return s.anyOf.map(typeName).join(' \\| ');
  if (s.allOf) return 'object';
  if (s.type === 'array') return `${s.items ? typeName(s.items) : 'any'}[]`;
  if (Array.isArray(s.type)) return s.type.join(' \\| ');
  return s.type ?? 'any';
}

function constraints(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.minLength) parts.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) parts.push(`max length ${s.maxLength}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(', ');
}

function fieldRows(s: JsonSchema, prefix = ''): string[] {
  const merged: JsonSchema = s.allOf ? { properties: Object.assign({}, ...s.allOf.map((p) => p.properties ?? {})), required: s.allOf.flatMap((p) => p.required ?? []) } : s;
  const rows: string[] = [];
  for (const [name, prop] of Object.entries(merged.properties ?? {})) {
    const path = `${prefix}${name}`;
    const required = merged.required?.includes(name) && prop.default === undefined ? 'yes' : '';
    rows.push(`| \`${path}\` | ${typeName(prop)} | ${required} | ${constraints(prop)} |`);
    const nested = prop.anyOf?.find((p) => p.type === 'object') ?? (prop.type === 'object' ? prop : undefined);
    if (nested) rows.push(...fieldRows(nested, `${path}.`));
    if (prop.type === 'array' && prop.items?.type === 'object') rows.push(...fieldRows(prop.items, `${path}[].`));
  }
  return rows;
}

function describe(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const rows = fieldRows(json);
  if (rows.length === 0) return `\`${typeName(json)}\`\n`;
  return ['| field | type | required | rules |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** docs/API.md, generated from the contract so it cannot drift from what the handlers accept. */
export function renderApiDocs(): string {
  const names = (Object.keys(contract) as OperationName[]).sort();
  const lines = [
    '# Stockist API',
    '',
    'Generated from `src-shared/contract` by `npm run docs:api`; a test fails when this file is out of date.',
    '',
    'Every operation is served twice: over Electron IPC (`window.stockist.call(name, input)`) and, in browser mode,',
    'as `POST /api/<name>` on 127.0.0.1 with a JSON body. Money is integer paise, quantities integer base units,',
    'rates basis points (18% = 1800). Browser mode signs in with `auth.login`, which sets an HttpOnly cookie;',
    '`Authorization: Bearer <token>` is accepted too.',
    '',
    '## Errors',
    '',
    'A refused call answers `{ "error": { "code", "message", "field"?, "issues"? } }` and changes nothing.',
    '',
    '| code | HTTP status |',
    '| --- | --- |',
    ...Object.entries(errorStatus).map(([code, status]) => `| \`${code}\` | ${status} |`),
    '',
    '## Operations',
    '',
    '| operation | access | kind |',
    '| --- | --- | --- |',
    ...names.map((n) => `| [\`${n}\`](#${n.replace(/\./g, '').toLowerCase()}) | ${contract[n].access} | ${contract[n].kind} |`),
    '',
  ];
  for (const name of names) {
    const op = contract[name];
    lines.push(`### ${name}`, '', op.summary, '', `Access: **${op.access}** · ${op.kind === 'write' ? 'write (one transaction)' : 'read'}`, '');
    lines.push('Input:', '', describe(op.input, 'input'), 'Output:', '', describe(op.output, 'output'));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
