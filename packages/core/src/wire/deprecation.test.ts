import { describe, expect, it } from 'vitest';
import { readDeprecationHeaders, versionHeaders, versionLifecycle } from './deprecation.js';
import { OPERATIONS } from './operations.js';

describe('deprecation and sunset', () => {
  it('dates a superseded version by its successor and carries the spec x-sunset', () => {
    expect(versionLifecycle(OPERATIONS.listGroupClusters, '2023-01-01')).toEqual({
      deprecated: '2023-02-01',
      sunset: '2027-07-01',
    });
    expect(versionLifecycle(OPERATIONS.listGroupClusters, '2023-02-01')).toEqual({
      deprecated: '2024-08-05',
      sunset: '2027-07-01',
    });
    expect(versionLifecycle(OPERATIONS.listGroupClusters, '2024-08-05')).toEqual({ deprecated: undefined, sunset: undefined });
    expect(versionLifecycle(OPERATIONS.listGroups, '2023-01-01')).toEqual({ deprecated: undefined, sunset: undefined });
    expect(versionLifecycle(OPERATIONS.listGroupClusterBackupCheckpoints, '2023-01-01').deprecated).toBe('2023-01-01');
  });

  it('writes Deprecation as an RFC 9745 date and Sunset as an RFC 8594 HTTP-date, beside the Content-Type', () => {
    expect(versionHeaders(OPERATIONS.listGroupClusters, '2023-01-01')).toEqual({
      'content-type': 'application/vnd.atlas.2023-01-01+json;charset=utf-8',
      deprecation: `@${Date.UTC(2023, 1, 1) / 1000}`,
      sunset: 'Thu, 01 Jul 2027 00:00:00 GMT',
    });
    expect(versionHeaders(OPERATIONS.listGroupClusters, '2024-08-05')).toEqual({
      'content-type': 'application/vnd.atlas.2024-08-05+json;charset=utf-8',
    });
  });

  it('reads both headers tolerantly: @seconds, HTTP-dates, `true`, garbage', () => {
    const read = (deprecation?: string, sunset?: string) =>
      readDeprecationHeaders(new Headers({ ...(deprecation ? { deprecation } : {}), ...(sunset ? { sunset } : {}) }));
    expect(read('@1675209600', 'Thu, 01 Jul 2027 00:00:00 GMT')).toEqual({
      deprecated: true,
      deprecation: new Date('2023-02-01T00:00:00Z'),
      sunset: new Date('2027-07-01T00:00:00Z'),
    });
    expect(read('Wed, 01 Feb 2023 00:00:00 GMT').deprecation).toEqual(new Date('2023-02-01T00:00:00Z'));
    expect(read('true')).toEqual({ deprecated: true, deprecation: undefined });
    expect(read('false')).toEqual({ deprecated: false });
    expect(read(undefined, 'soon')).toEqual({ deprecated: false, sunset: undefined });
    expect(read()).toEqual({ deprecated: false });
  });
});
