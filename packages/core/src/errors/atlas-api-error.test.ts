import { describe, expect, it } from 'vitest';
import { AtlasApiError } from './atlas-api-error.js';

describe('AtlasApiError', () => {
  const request = { status: 404, method: 'GET', url: 'https://example.test/api/atlas/v2/groups' };

  it('says whether the body was an Atlas error document or synthesised from the status', () => {
    const atlas = new AtlasApiError({
      ...request,
      body: { error: 404, errorCode: 'GROUP_NOT_FOUND', detail: 'No group', reason: 'Not Found' },
    });
    expect(atlas.atlasErrorDocument).toBe(true);
    const other = new AtlasApiError(request);
    expect(other.atlasErrorDocument).toBe(false);
    expect(other.errorCode).toBe('HTTP_404');
  });
});
