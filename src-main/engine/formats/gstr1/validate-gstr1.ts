import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import schema from '../../../../resources/schemas/gstr1.schema.json';

let compiled: ValidateFunction | null = null;

/** The project's schema (resources/schemas/gstr1.schema.json), compiled once per process. */
function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  return compiled;
}

export interface Gstr1Problem {
  /** the invoice, note or HSN the problem is in, when there is one */
  document: string;
  /** JSON pointer into the file */
  path: string;
  message: string;
}

/** Walks a JSON pointer and names the nearest document (inum, nt_num) or HSN row on the way. */
function documentAt(json: unknown, pointer: string): string {
  let node: unknown = json;
  let found = '';
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[part];
    const o = node as Record<string, unknown> | undefined;
    if (o && typeof o === 'object') {
      if (typeof o.inum === 'string') found = o.inum;
      else if (typeof o.nt_num === 'string') found = o.nt_num;
      else if (typeof o.hsn_sc === 'string') found = `HSN ${o.hsn_sc || '(empty)'}`;
      else if (typeof o.from === 'string') found = `${o.from} to ${o.to}`;
    }
  }
  return found;
}

const describe = (e: ErrorObject) =>
  e.instancePath === '/gstin'
    ? "The company's GSTIN is missing or not valid: enter it under Company"
    : e.keyword === 'enum'
      ? `${e.instancePath.split('/').pop()} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
      : `${e.instancePath.split('/').pop() || 'file'} ${e.message ?? 'is not valid'}`;

/** What is wrong with a GSTR-1 file, by document; empty when the schema accepts it. */
export function validateGstr1(json: unknown): Gstr1Problem[] {
  const valid = validator();
  if (valid(json)) return [];
  return (valid.errors ?? []).map((e) => ({
    document: documentAt(json, e.instancePath),
    path: e.instancePath,
    message: describe(e),
  }));
}
