/**
 * Pages of 500 checkpoints decoded (JSON.parse) and validated per CPU second (in alternating rounds): core's reader
 * (`CheckpointPageCheck.decode`: TypeBox's compiled validators plus the removal of tolerated
 * nulls) against Ajv compiling the very schema core accepts (`tolerantSchema(CheckpointPage)`),
 * in the same run.
 *
 * npx tsx --conditions=@atlas-checkpoints/source tools/bench/validation/index.ts [budgetMs]
 */
import { CheckpointPage, CheckpointPageCheck, tolerantSchema } from '@atlas-checkpoints/core';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { checkpointPages } from './checkpoints.js';
import { alternate, measure } from './measure.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const PAGES = 16;
const PER_PAGE = 500;
const URL = 'https://cloud.mongodb.com/api/atlas/v2/groups/x/clusters/Cluster0/backupCheckpoints';
const budgetMs = Number(process.argv[2] ?? 3000);
const timing = { warmupMs: Math.min(500, budgetMs / 4), budgetMs };

const texts = checkpointPages({ seed: 42, pages: PAGES, perPage: PER_PAGE });
const withNulls = checkpointPages({ seed: 42, pages: PAGES, perPage: PER_PAGE, nulls: true });
const ajv = new Ajv({ allErrors: false });
addFormats(ajv);
const ajvCheck = ajv.compile(tolerantSchema(CheckpointPage));
const core = (value: unknown): boolean => CheckpointPageCheck.decode(value, URL) === value;
const ajvValidate = (value: unknown): boolean => ajvCheck(value);

// Same verdicts on valid pages (with and without nulls) and on broken ones, so both check the same thing.
for (const text of [...texts, ...withNulls]) {
  if (!CheckpointPageCheck.Check(JSON.parse(text)) || !ajvValidate(JSON.parse(text))) throw new Error('a page does not validate');
}
const broken = JSON.parse(texts[0] ?? '{}') as { results: Array<Record<string, unknown>> };
const last = broken.results[499];
if (last) last['id'] = undefined; // an item without an id: the one thing (with `results`) core cannot read without
const wrongType = JSON.parse(texts[0] ?? '{}') as { results: Array<{ parts: Array<Record<string, unknown>> }> };
const part = wrongType.results[499]?.parts[0];
if (part) part['typeName'] = 7;
for (const bad of [JSON.parse(JSON.stringify(broken)) as unknown, wrongType]) {
  if (CheckpointPageCheck.Check(bad) || ajvValidate(bad)) throw new Error('a broken page validates');
}

let sink = 0;
const decodeAndValidate = (pages: string[], check: (value: unknown) => boolean) => (iteration: number) => {
  const value: unknown = JSON.parse(pages[iteration % PAGES] ?? '');
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
// Each pair alternates in rounds (median of 5), so load from other processes hits both sides alike.
const paired = { ...timing, rounds: 5 };
const [typebox = 0, ajvRate = 0] = alternate([decodeAndValidate(texts, core), decodeAndValidate(texts, ajvValidate)], paired);
const [typeboxNulls = 0, ajvNulls = 0] = alternate(
  [decodeAndValidate(withNulls, core), decodeAndValidate(withNulls, ajvValidate)],
  paired,
);
const [typeboxOnly = 0, ajvOnly = 0] = alternate([validateOnly(core), validateOnly(ajvValidate)], paired);

const row = (label: string, rate: number) => console.log(`${label.padEnd(52)} ${rate.toFixed(0).padStart(8)} pages/s`);
const ratio = (label: string, value: number) => console.log(`${label.padEnd(52)} ${value.toFixed(2).padStart(8)}x`);
row('JSON.parse only', parseOnly);
row('JSON.parse + core decode (TypeBox)', typebox);
row('JSON.parse + Ajv (ajv-formats), same schema', ajvRate);
ratio('ratio TypeBox / Ajv (decode + validate)', typebox / ajvRate);
row('pages with nulls: JSON.parse + core decode', typeboxNulls);
row('pages with nulls: JSON.parse + Ajv (no null removal)', ajvNulls);
ratio('ratio TypeBox / Ajv (decode + validate, with nulls)', typeboxNulls / ajvNulls);
row('validate only: core decode (TypeBox)', typeboxOnly);
row('validate only: Ajv', ajvOnly);
ratio('ratio TypeBox / Ajv (validate only)', typeboxOnly / ajvOnly);
if (sink === 0) console.log('(nothing measured)');
