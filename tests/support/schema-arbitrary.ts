import fc from 'fast-check';

/** The part of JSON Schema that zod's toJSONSchema emits for our contract. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** Per property name, values to use instead of random ones (a folder on this disk, an address on the network). */
export type Overrides = Record<string, fc.Arbitrary<unknown>>;

const isoDay = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/**
 * Values shaped like the schema asks: the right types and mostly within bounds, ids small enough
 * to hit real rows, dates around today, and now and then an edge (0, an impossible date).
 */
export function validish(
  schema: JsonSchema,
  overrides: Overrides = {},
  root: JsonSchema = schema,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = schema.$ref === '#' ? root : root.$defs?.[name];
    return target ? fc.constant(null).chain(() => validish(target, overrides, root)) : fc.anything();
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((s) => validish(s, overrides, root)));
  if (schema.allOf) return validish(Object.assign({}, ...schema.allOf), overrides, root);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(props)) shape[key] = overrides[key] ?? validish(prop, overrides, root);
      return fc.record(shape, { requiredKeys: schema.required ?? [] });
    }
    case 'array': {
      const item = schema.items ? validish(schema.items, overrides, root) : fc.anything();
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.min(schema.maxItems ?? 4, minLength + 4) });
    }
    case 'string': {
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$')
        return fc.oneof(
          { weight: 5, arbitrary: isoDay },
          { weight: 1, arbitrary: fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
        );
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
      return fc.string({ minLength, maxLength });
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
      const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
      const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
      const small = fc.integer({ min: Math.max(lo, Math.min(hi, 0)), max: Math.min(hi, Math.max(lo, 6)) });
      return fc.oneof({ weight: 3, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  'x'.repeat(100_000),
  '\u0000',
  '🧾💥'.repeat(50),
  'مرحبا',
  '‮reversed',
  "'; DROP TABLE invoices; --",
  '../../../../etc/passwd',
  '%00%ff',
  '1e309',
  '2026-02-30',
  '9999-99-99',
  '-1',
);
const nastyNumbers = fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324);
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  nastyStrings,
  nastyNumbers,
  fc.constantFrom(null, true, false, [], {}, [[[[[[[[]]]]]]]], JSON.parse('{"__proto__":{"admin":true}}') as unknown),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown),
);

/** A value somewhere inside `value` replaced, removed, or joined by something unexpected. */
function mutate(value: unknown, choose: (n: number) => number, replacement: unknown, depth = 0): unknown {
  const action = choose(4);
  if (value === null || typeof value !== 'object' || depth > 6 || action === 0) return replacement;
  if (Array.isArray(value)) {
    if (value.length === 0 || action === 1) return [...value, replacement];
    const copy = [...value];
    const at = choose(copy.length);
    copy[at] = mutate(copy[at], choose, replacement, depth + 1);
    return copy;
  }
  const record = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(record);
  if (keys.length === 0 || action === 1) return { ...record, [`extra${choose(3)}`]: replacement };
  const key = keys[choose(keys.length)]!;
  if (action === 2) {
    delete record[key];
    return record;
  }
  record[key] = mutate(record[key], choose, replacement, depth + 1);
  return record;
}

/** Schema-shaped values broken in one place: wrong types, huge or odd strings, bad numbers, missing and extra fields. */
export function invalidish(schema: JsonSchema, overrides: Overrides = {}): fc.Arbitrary<unknown> {
  return fc
    .tuple(validish(schema, overrides), garbage, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }))
    .map(([value, replacement, picks]) => {
      let i = 0;
      const choose = (n: number) => picks[i++ % picks.length]! % n;
      return mutate(value, choose, replacement);
    });
}
