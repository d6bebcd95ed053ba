import { OPERATION_LIST } from '@atlas-checkpoints/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './build-openapi.js';

describe('buildOpenApi', () => {
  it('is a valid OpenAPI 3.1 document covering every path of the operation table', async () => {
    const doc = buildOpenApi();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths as object).sort()).toEqual(OPERATION_LIST.map((op) => op.path).sort());
    expect(Object.keys(doc.paths as object)).toHaveLength(16);
  });
});
