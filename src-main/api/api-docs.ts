import { errorStatus } from '../../src-shared/contract';
import { buildOpenApi, type OpenApiDocument } from './openapi';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  description?: string;
};

const variantsOf = (s: JsonSchema) => (s.anyOf ?? s.oneOf ?? []).filter((v) => v.type !== 'null');
const isObject = (s: JsonSchema) => s.type === 'object' || s.properties !== undefined || s.allOf !== undefined;

function typeName(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf || s.oneOf) return (s.anyOf ?? s.oneOf)!.map(typeName).join(' \\| ');
  if (s.allOf) return 'object';
  if (s.type === 'array') return `${s.items ? typeName(s.items) : 'any'}[]`;
  if (Array.isArray(s.type)) return s.type.join(' \\| ');
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
    return `map of ${typeName(s.additionalProperties)}`;
  return s.type ?? 'any';
}

function constraints(s: JsonSchema): string {
  const parts: string[] = [];
  // z.int()'s safe-integer bounds say nothing to a reader; only real limits are shown.
  if (s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${s.maximum}`);
  if (s.minLength) parts.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) parts.push(`max length ${s.maxLength}`);
  if (s.minItems) parts.push(`at least ${s.minItems} items`);
  if (s.maxItems !== undefined) parts.push(`at most ${s.maxItems} items`);
  if (s.format) parts.push(s.format);
  if (s.pattern) parts.push(`pattern \`${s.pattern.replace(/\|/g, '\\|')}\``);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) parts.push(s.description);
  return parts.join(', ');
}

/** The discriminating literal of an object variant, e.g. kind = "free_goods", to label its fields. */
function variantLabel(v: JsonSchema, index: number): string {
  for (const [name, prop] of Object.entries(v.properties ?? {}))
    if (prop.const !== undefined) return `${name} = ${JSON.stringify(prop.const)}`;
  return `variant ${index + 1}`;
}

/**
 * One row per field at every depth: objects, arrays of objects, nullable objects and arrays, maps,
 * and each variant of a union (labelled by its discriminator), so any call can be built from the doc.
 */
function fieldRows(s: JsonSchema, prefix: string, note = ''): string[] {
  const variants = variantsOf(s);
  if (variants.length > 0) {
    const objects = variants.filter(isObject);
    if (objects.length > 1) return objects.flatMap((v, i) => fieldRows(v, prefix, `when ${variantLabel(v, i)}`));
    return variants.flatMap((v) => fieldRows(v, prefix, note));
  }
  if (s.type === 'array' && s.items) return fieldRows(s.items, `${prefix}[]`, note);
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
    return fieldRows(s.additionalProperties, `${prefix}.<key>`, note);
  if (!isObject(s)) return [];
  const merged: JsonSchema = s.allOf
    ? {
        properties: Object.assign({}, ...s.allOf.map((p) => p.properties ?? {})),
        required: s.allOf.flatMap((p) => p.required ?? []),
      }
    : s;
  const rows: string[] = [];
  for (const [name, prop] of Object.entries(merged.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const required = merged.required?.includes(name) && prop.default === undefined ? 'yes' : '';
    const rules = [note, constraints(prop)].filter(Boolean).join('; ');
    rows.push(`| \`${path}\` | ${typeName(prop)} | ${required} | ${rules} |`);
    rows.push(...fieldRows(prop, path, note));
  }
  return rows;
}

function describe(json: JsonSchema): string {
  const rows = fieldRows(json, '');
  if (rows.length === 0) return `\`${typeName(json)}\`\n`;
  const whole =
    json.type === 'array'
      ? `A list (\`[]\`) of:\n\n`
      : json.type === 'object' || variantsOf(json).length
        ? ''
        : `\`${typeName(json)}\`\n\n`;
  return whole + ['| field | type | required | rules |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/**
 * docs/API.md, rendered from docs/openapi.json (itself generated from the contract), so neither can
 * drift from what the handlers accept.
 */
export function renderApiDocs(openApi: OpenApiDocument): string {
  const operations = Object.values(openApi.paths)
    .map((path) => path.post)
    .sort((a, b) => (a.operationId < b.operationId ? -1 : 1));
  const lines = [
    '# Stockist API',
    '',
    'Generated from `src-shared/contract` by `npm run docs:api`, rendered from `docs/openapi.json` (OpenAPI 3.1);',
    'a test fails when either file is out of date.',
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
    '## Idempotency-Key',
    '',
    'Operations marked *idempotent* below create a numbered document or move one to a new state. Send',
    '`Idempotency-Key: "<uuid>"` (HTTP header, IETF httpapi idempotency-key draft) or, over IPC,',
    '`window.stockist.call(name, input, { idempotencyKey })`, one fresh key per document. The key is',
    'stored with the document in the same transaction, per user, for 24 hours:',
    '',
    '- the same key with the same body answers the first result again (same status and body, header',
    '  `Idempotent-Replayed: true`) and creates nothing;',
    '- the same key with a different body (or operation) is refused with `key_reused` (422), nothing saved;',
    '- a concurrent call with the same key waits for the first to commit, then gets its answer;',
    '- a refused call stores nothing, so it may be retried under the same key; without a key every call runs.',
    '',
    '## Operations',
    '',
    '| operation | access | kind |',
    '| --- | --- | --- |',
    ...operations.map(
      (op) =>
        `| [\`${op.operationId}\`](#${op.operationId.replace(/\./g, '').toLowerCase()}) | ${op['x-stockist-access']} | ${op['x-stockist-kind']}${op['x-stockist-idempotent'] ? ', idempotent' : ''} |`,
    ),
    '',
  ];
  for (const op of operations) {
    lines.push(
      `### ${op.operationId}`,
      '',
      op.summary,
      '',
      `Access: **${op['x-stockist-access']}** · ${op['x-stockist-kind'] === 'write' ? 'write (one transaction)' : 'read'}${op['x-stockist-idempotent'] ? ' · idempotent (honours Idempotency-Key)' : ''}`,
      '',
    );
    const input = op.requestBody.content['application/json'].schema as JsonSchema;
    const done = op.responses['200'] as { content: { 'application/json': { schema: JsonSchema } } };
    const output = done.content['application/json'].schema as JsonSchema;
    lines.push('Input:', '', describe(input), 'Output:', '', describe(output));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The two generated API documents, by path from the project root: the OpenAPI file and its rendering. */
export function apiDocFiles(version: string): Record<'docs/openapi.json' | 'docs/API.md', string> {
  const openApi = buildOpenApi(version);
  return { 'docs/openapi.json': `${JSON.stringify(openApi, null, 2)}\n`, 'docs/API.md': renderApiDocs(openApi) };
}
