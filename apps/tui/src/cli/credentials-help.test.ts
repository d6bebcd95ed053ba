import { describe, expect, it } from 'vitest';
import { unknownAtlasVariables } from './credentials-help.js';

describe('unknownAtlasVariables', () => {
  it('names MONGODB_ATLAS_* variables this tool does not read, with the one probably meant', () => {
    expect(
      unknownAtlasVariables({
        MONGODB_ATLAS_CLIENTID: 'x',
        MONGODB_ATLAS_client_secret: 'y',
        MONGODB_ATLAS_FOO: 'z',
        MONGODB_ATLAS_CLIENT_ID: 'ok',
        HOME: '/h',
      }),
    ).toEqual([
      'MONGODB_ATLAS_CLIENTID (did you mean MONGODB_ATLAS_CLIENT_ID?)',
      'MONGODB_ATLAS_FOO',
      'MONGODB_ATLAS_client_secret (did you mean MONGODB_ATLAS_CLIENT_SECRET?)',
    ]);
    expect(unknownAtlasVariables({ MONGODB_ATLAS_ACCESS_TOKEN: 't', MONGODB_ATLAS_PROFILE: 'p' })).toEqual([]);
  });
});
