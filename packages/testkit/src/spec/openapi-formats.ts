import type { Ajv } from 'ajv';

const INT32 = [-(2 ** 31), 2 ** 31 - 1] as const;

/**
 * Registers OpenAPI's numeric formats on Ajv: `int32` (range-checked), `int64`, `float`, `double`.
 *
 * @example
 * addOpenApiFormats(ajv);
 */
export function addOpenApiFormats(ajv: Ajv): void {
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32[0] && n <= INT32[1] });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
}
