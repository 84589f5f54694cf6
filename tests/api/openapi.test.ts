import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, type JsonSchema } from '../../src-main/api/openapi';
import { contract, errorStatus, type OperationName } from '../../src-shared/contract';

const openApi = buildOpenApi('0.0.0-test');
const inputSchema = (name: string) =>
  openApi.paths[`/api/${name}`]!.post.requestBody.content['application/json'].schema as JsonSchema;

describe('docs/openapi.json (OpenAPI 3.1 from the contract)', () => {
  it('is a valid OpenAPI 3.1 document, every $ref resolving', async () => {
    const result = await new Validator().validate(structuredClone(openApi) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const refs = JSON.stringify(openApi).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const pointer = ref.slice('"$ref":"#/'.length, -1).split('/');
      expect(pointer.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], openApi)).toBeDefined();
    }
  });

  it('has one POST per operation, with its permission, kind and the Idempotency-Key where honoured', () => {
    const names = Object.keys(contract) as OperationName[];
    expect(Object.keys(openApi.paths).sort()).toEqual(names.map((n) => `/api/${n}`).sort());
    for (const name of names) {
      const post = openApi.paths[`/api/${name}`]!.post;
      expect(post['x-stockist-access']).toBe(contract[name].access);
      expect(post['x-stockist-kind']).toBe(contract[name].kind);
      expect(post.parameters?.some((p) => p.name === 'Idempotency-Key') ?? false).toBe(
        contract[name].idempotent === true,
      );
      for (const status of new Set(Object.values(errorStatus))) expect(post.responses[String(status)]).toBeDefined();
    }
  });

  it('describes the error body with every code', () => {
    const error = (openApi.components.schemas.ApiError.properties as Record<string, JsonSchema>).error!;
    const code = (error.properties as Record<string, JsonSchema>).code!;
    expect(code.enum).toEqual(Object.keys(errorStatus));
    expect(error.required).toEqual(['code', 'message']);
  });

  it('accepts and refuses what the contract accepts and refuses, nested shapes included', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const place = ajv.compile(inputSchema('orders.place'));
    const order = {
      customerId: 1,
      warehouseId: 1,
      paymentType: 'credit',
      lines: [{ productId: 2, quantity: 3 }],
    };
    const samples = [
      order,
      { ...order, lines: [] },
      { ...order, lines: [{ productId: 2, quantity: -1 }] },
      { ...order, lines: [{ productId: 'two', quantity: 3 }] },
      { ...order, paymentType: 'barter' },
      { lines: order.lines },
    ];
    for (const sample of samples)
      expect([sample, place(sample)]).toEqual([sample, contract['orders.place'].input.safeParse(sample).success]);
    const scheme = ajv.compile(inputSchema('schemes.create'));
    const rule = JSON.stringify(inputSchema('schemes.create'));
    expect(rule).toContain('"free_goods"');
    expect(rule).toContain('"slabs"');
    expect(scheme({})).toBe(false);
  });
});
