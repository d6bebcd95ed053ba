/**
 * Pages of 500 checkpoints decoded (JSON.parse) and validated per second: TypeBox's compiled
 * validator against Ajv compiling the same schema, in the same run.
 *
 * npx tsx --conditions=@atlas-checkpoints/source tools/bench/validation/index.ts [budgetMs]
 */
import { CheckpointPage, CheckpointPageCheck } from '@atlas-checkpoints/core';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { checkpointPages } from './checkpoints.js';
import { measure } from './measure.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const PAGES = 16;
const PER_PAGE = 500;
const budgetMs = Number(process.argv[2] ?? 3000);
const timing = { warmupMs: Math.min(500, budgetMs / 4), budgetMs };

const texts = checkpointPages({ seed: 42, pages: PAGES, perPage: PER_PAGE });
const ajv = new Ajv({ allErrors: false });
addFormats(ajv);
const ajvCheck = ajv.compile(CheckpointPage);
const typeboxCheck = (value: unknown) => CheckpointPageCheck.Check(value);

// Same verdicts on valid pages and on a broken one, so both validate the same thing.
const broken = JSON.parse(texts[0] ?? '{}') as { results: { parts: { typeName: string }[] }[] };
const brokenPart = broken.results[499]?.parts[0];
if (brokenPart) brokenPart.typeName = 'ARBITER';
for (const text of texts) {
  const value: unknown = JSON.parse(text);
  if (!typeboxCheck(value) || !ajvCheck(value)) throw new Error('a generated page does not validate');
}
if (typeboxCheck(broken) || ajvCheck(broken)) throw new Error('a broken page validates');

let sink = 0;
const decodeAndValidate = (check: (value: unknown) => boolean) => (iteration: number) => {
  const value: unknown = JSON.parse(texts[iteration % PAGES] ?? '');
  if (!check(value)) throw new Error('invalid page');
  sink += 1;
};
const parsed = texts.map((text): unknown => JSON.parse(text));
const validateOnly = (check: (value: unknown) => boolean) => (iteration: number) => {
  if (!check(parsed[iteration % PAGES])) throw new Error('invalid page');
  sink += 1;
};

const bytes = texts.reduce((sum, text) => sum + text.length, 0) / PAGES;
console.log(`pages of ${PER_PAGE} checkpoints, ${(bytes / 1024).toFixed(0)} KB each; ${budgetMs} ms per measure after warmup`);
const parseOnly = measure((i) => {
  sink += (JSON.parse(texts[i % PAGES] ?? '') as unknown[]) ? 1 : 0;
}, timing);
const typebox = measure(decodeAndValidate(typeboxCheck), timing);
const ajvRate = measure(
  decodeAndValidate((value) => ajvCheck(value)),
  timing,
);
const typeboxOnly = measure(validateOnly(typeboxCheck), timing);
const ajvOnly = measure(
  validateOnly((value) => ajvCheck(value)),
  timing,
);

const row = (label: string, rate: number) => console.log(`${label.padEnd(40)} ${rate.toFixed(0).padStart(8)} pages/s`);
row('JSON.parse only', parseOnly);
row('JSON.parse + TypeBox compiled Check', typebox);
row('JSON.parse + Ajv (ajv-formats)', ajvRate);
console.log(`ratio TypeBox / Ajv (decode + validate)   ${(typebox / ajvRate).toFixed(2)}x`);
row('validate only: TypeBox', typeboxOnly);
row('validate only: Ajv', ajvOnly);
console.log(`ratio TypeBox / Ajv (validate only)       ${(typeboxOnly / ajvOnly).toFixed(2)}x`);
if (sink === 0) console.log('(nothing measured)');
