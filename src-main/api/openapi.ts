import { z } from 'zod';
import { contract, errorStatus, type ErrorCode, type OperationName } from '../../src-shared/contract';

/** A JSON Schema as z.toJSONSchema writes it (draft 2020-12, the dialect OpenAPI 3.1 uses). */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  'x-stockist-access': string;
  'x-stockist-kind': 'read' | 'write';
  'x-stockist-idempotent': boolean;
  parameters?: JsonSchema[];
  requestBody: { required: true; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<
    string,
    { description: string; content: { 'application/json': { schema: JsonSchema } } } | { $ref: string }
  >;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  paths: Record<string, { post: OpenApiOperation }>;
  components: {
    schemas: { ApiError: JsonSchema };
    responses: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
  /** Every call needs a session unless its operation says `security: []`. */
  security: Record<string, string[]>[];
}

/** The body of every refusal; the same shape as ApiErrorBody in the contract. */
const apiError = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().describe('A sentence for the person at the screen: which field and why.'),
    field: z.string().optional().describe('The input field at fault, dotted (lines.0.quantity).'),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

/** The operation's JSON Schema without the dialect marker, which OpenAPI 3.1 sets once for the document. */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** One shared response per refusal status, each with the one error body and the codes it carries. */
function refusalResponses(): Record<string, JsonSchema> {
  const byStatus = new Map<number, string[]>();
  for (const [code, status] of Object.entries(errorStatus))
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b))
    responses[`Refused${status}`] = {
      description: `Refused (${codes.join(', ')}); nothing was changed.`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    };
  return responses;
}

const idempotencyKey: JsonSchema = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'One fresh key (a quoted UUID) per document; a retry with it answers the first result again.',
  schema: { type: 'string', minLength: 1, maxLength: 257 },
};

/**
 * docs/openapi.json: the contract as OpenAPI 3.1, one POST path per operation with its input and
 * output schemas at every depth and the error body. docs/API.md is rendered from this document.
 */
export function buildOpenApi(version: string): OpenApiDocument {
  const names = (Object.keys(contract) as OperationName[]).sort();
  const refusals = refusalResponses();
  const refusedWith = Object.fromEntries(
    Object.keys(refusals).map((name) => [name.slice('Refused'.length), { $ref: `#/components/responses/${name}` }]),
  );
  const paths: OpenApiDocument['paths'] = {};
  for (const name of names) {
    const op = contract[name];
    paths[`/api/${name}`] = {
      post: {
        operationId: name,
        summary: op.summary,
        tags: [name.split('.')[0]!],
        'x-stockist-access': op.access,
        'x-stockist-kind': op.kind,
        'x-stockist-idempotent': op.idempotent === true,
        ...(op.idempotent ? { parameters: [idempotencyKey] } : {}),
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.input, 'input') } } },
        responses: {
          '200': { description: 'Done.', content: { 'application/json': { schema: schemaOf(op.output, 'output') } } },
          ...refusedWith,
        },
        ...(op.access === 'public' ? { security: [] } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stockist API',
      version,
      description:
        'Every operation of the desktop app, as served in browser mode. Money is integer paise, quantities integer ' +
        'base units, rates basis points (18% = 1800). x-stockist-access is the permission a call needs.',
    },
    servers: [{ url: 'http://127.0.0.1:5170', description: 'npm run serve on this machine' }],
    paths,
    components: {
      schemas: { ApiError: schemaOf(apiError, 'output') },
      responses: refusals,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'stockist_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
  };
}
