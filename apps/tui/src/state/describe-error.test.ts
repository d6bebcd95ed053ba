import { AtlasApiError } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.js';

const ATLAS_404 = { error: 404, errorCode: 'GROUP_NOT_FOUND', detail: 'No group', reason: 'Not Found' };
const notFound = (url: string, atlas: boolean) =>
  new AtlasApiError({ status: 404, method: 'GET', url, ...(atlas ? { body: ATLAS_404 } : {}) });

describe('describeError on 404', () => {
  it('names the id when Atlas said which one was not found', () => {
    const info = describeError(notFound('https://cloud.mongodb.com/api/atlas/v2/groups/abc/clusters', true), { groupId: 'abc' });
    expect(info.title).toContain('Project abc was not found');
    expect(info.hint).toBe('Check the id.');
  });

  it.each([
    ['a server that is not Atlas (no Atlas error document)', 'http://localhost:8000/api/atlas/v2/groups/abc/clusters', false],
    ['a base URL with a path', 'https://cloud.mongodb.com/prefix/api/atlas/v2/groups/abc/clusters', true],
    ['a request that named no id (projects)', 'https://cloud.mongodb.com/api/atlas/v2/groups', true],
  ])('hints at --baseUrl, not an id, for %s', (_what, url, atlas) => {
    const info = describeError(notFound(url, atlas), { groupId: 'abc' });
    expect(info.hint).toContain('--baseUrl');
    expect(info.hint).not.toContain('Check the id');
    expect(info.title).toContain(url);
  });
});
