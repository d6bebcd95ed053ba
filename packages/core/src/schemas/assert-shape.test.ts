import { describe, expect, it } from 'vitest';
import { isResponseShapeError, type ResponseShapeError } from '../errors/index.js';
import { ApiErrorCheck, assertShape, CheckpointCheck, CheckpointPageCheck, ClusterPageCheck, GroupPageCheck } from './index.js';

const url = 'https://cloud.mongodb.com/api/atlas/v2/groups/5f4007f327a3bd7b6f4103c5/clusters';
const id = '5f4008a527a3bd7b6f410a1e';

function failure(run: () => unknown): ResponseShapeError {
  try {
    run();
  } catch (error) {
    if (isResponseShapeError(error)) return error;
    throw error;
  }
  throw new Error('expected a ResponseShapeError');
}

describe('assertShape rejections', () => {
  it('names the path and the pattern of a bad id', () => {
    const error = failure(() => assertShape(CheckpointPageCheck, { results: [{ id: '5F4007F327A3BD7B6F4103C5' }] }, url));
    expect(error.path).toBe('/results/0/id');
    expect(error.expected).toBe('string matching ^([a-f0-9]{24})$');
    expect(error.url).toBe(url);
    expect(error.message).toContain('/results/0/id');
  });

  it('names the known values of an open enum that holds something other than a string', () => {
    const error = failure(() => assertShape(CheckpointCheck, { id, parts: [{ typeName: 'REPLICA_SET' }, { typeName: 7 }] }, url));
    expect(error.path).toBe('/parts/1/typeName');
    expect(error.expected).toBe('string (known values: REPLICA_SET | CONFIG_SERVER | CONFIG_SERVER_REPLICA_SET)');
  });

  it('names the expected type of a wrongly typed value (not "… or null": null is tolerated, not the type)', () => {
    const error = failure(() => assertShape(CheckpointCheck, { id, restorable: 'yes' }, url));
    expect(error.path).toBe('/restorable');
    expect(error.expected).toBe('boolean');
    expect(failure(() => assertShape(CheckpointPageCheck, { results: [], totalCount: -1 }, url)).expected).toBe('integer >= 0');
    expect(failure(() => assertShape(CheckpointPageCheck, [], url))).toMatchObject({ path: '', expected: 'object' });
  });

  it('reports a missing required property: a page without results, an item without id', () => {
    const error = failure(() => assertShape(CheckpointPageCheck, { totalCount: 3 }, url));
    expect(error.path).toBe('/results');
    expect(error.expected).toBe('array (required property)');
    expect(failure(() => assertShape(CheckpointPageCheck, { results: null }, url))).toMatchObject({ path: '/results' });
    expect(failure(() => assertShape(CheckpointPageCheck, { results: [{ id }, { restorable: true }] }, url))).toMatchObject({
      path: '/results/1/id',
      expected: 'string matching ^([a-f0-9]{24})$ (required property)',
    });
    expect(failure(() => assertShape(GroupPageCheck, { results: [{ id: null, name: 'p' }] }, url))).toMatchObject({
      path: '/results/0/id',
      expected: 'string matching ^([a-f0-9]{24})$',
    });
    expect(failure(() => assertShape(ApiErrorCheck, { error: 404 }, url))).toMatchObject({
      path: '/errorCode',
      expected: 'string (required property)',
    });
  });

  it('rejects a date that is not an RFC 3339 date-time and a negative increment', () => {
    expect(failure(() => assertShape(CheckpointCheck, { id, started: '04/05/2024' }, url))).toMatchObject({
      path: '/started',
      expected: 'string in date-time format',
    });
    const part = { tokenTimestamp: { date: '2024-05-04T09:42:00Z', increment: -1 } };
    expect(failure(() => assertShape(CheckpointCheck, { id, parts: [part] }, url))).toMatchObject({
      path: '/parts/0/tokenTimestamp/increment',
      expected: 'integer >= 0',
    });
  });

  it('describes nullable and bounded values', () => {
    expect(failure(() => assertShape(ApiErrorCheck, { error: 400, errorCode: 'X', detail: 3 }, url)).expected).toBe(
      'string or null',
    );
    expect(failure(() => assertShape(ClusterPageCheck, { results: [{ id, numShards: 51 }] }, url)).expected).toBe(
      'integer in 1..50',
    );
  });

  it('redacts credentials in the URL it reports', () => {
    const error = failure(() =>
      assertShape(CheckpointPageCheck, {}, 'https://user:secret@cloud.mongodb.com/api/atlas/v2/groups'),
    );
    expect(error.url).not.toContain('secret');
  });
});
