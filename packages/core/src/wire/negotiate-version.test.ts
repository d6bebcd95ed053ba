import { describe, expect, it } from 'vitest';
import { isWireError } from './wire-error.js';
import { negotiateVersion, resolveVersion } from './negotiate-version.js';
import { OPERATIONS } from './operations.js';

const clusters = OPERATIONS.listGroupClusters;
const checkpoints = OPERATIONS.listGroupClusterBackupCheckpoints;
const vnd = (date: string) => `application/vnd.atlas.${date}+json`;

function refusal(accept: string | undefined, operation = clusters): string | undefined {
  try {
    negotiateVersion(operation, accept);
    return undefined;
  } catch (error) {
    return isWireError(error) ? `${error.status} ${error.body.errorCode}` : 'other';
  }
}

describe('version negotiation', () => {
  it("resolves a date to the newest version not later than it (the documentation's 2025-03-12 included)", () => {
    expect(negotiateVersion(checkpoints, vnd('2025-03-12'))).toBe('2023-01-01');
    expect(negotiateVersion(clusters, vnd('2025-03-12'))).toBe('2024-08-05');
    expect(negotiateVersion(clusters, vnd('2023-01-31'))).toBe('2023-01-01');
    expect(negotiateVersion(clusters, vnd('2023-02-01'))).toBe('2023-02-01');
    expect(negotiateVersion(clusters, vnd('2024-08-04'))).toBe('2023-02-01');
    expect(negotiateVersion(clusters, vnd('2024-08-05'))).toBe('2024-08-05');
    expect(negotiateVersion(clusters, vnd('2999-12-31'))).toBe('2024-08-05');
    expect(resolveVersion(clusters, '2022-12-31')).toBeUndefined();
  });

  it('serves the first version for no header, */*, application/* and application/json', () => {
    for (const accept of [undefined, '', '  ', '*/*', 'application/*', 'application/json', 'Application/JSON; charset=utf-8'])
      expect(negotiateVersion(clusters, accept)).toBe('2023-01-01');
  });

  it('answers 406 NOT_ACCEPTABLE for a date before the first version, INVALID_VERSION_DATE for anything that is no date', () => {
    expect(refusal(vnd('2022-12-31'))).toBe('406 NOT_ACCEPTABLE');
    expect(refusal(`application/vnd.atlas.2023-01-01+csv`)).toBe('406 NOT_ACCEPTABLE');
    for (const accept of [vnd('latest'), vnd('2023-02-30'), vnd('2023-1-1'), vnd(''), 'text/html', 'application/xml', 'nonsense'])
      expect(refusal(accept), accept).toBe('406 INVALID_VERSION_DATE');
  });

  it('refuses a format other than JSON with a detail that names the media type, not the date', () => {
    for (const date of ['2023-01-01', '2025-03-12']) {
      const accept = `application/vnd.atlas.${date}+csv`;
      try {
        negotiateVersion(checkpoints, accept);
        expect.unreachable(accept);
      } catch (error) {
        if (!isWireError(error)) throw error;
        expect(error.body.errorCode).toBe('NOT_ACCEPTABLE');
        expect(error.body.detail).toContain(accept);
        expect(error.body.detail).not.toContain('earlier');
      }
    }
  });

  it('tries media ranges by descending q, skips q=0, and reads the type case-insensitively', () => {
    expect(negotiateVersion(clusters, `text/html, ${vnd('2023-02-01')};q=0.5`)).toBe('2023-02-01');
    expect(negotiateVersion(clusters, `${vnd('2023-02-01')};q=0.2, ${vnd('2024-08-05')};q=0.9`)).toBe('2024-08-05');
    expect(negotiateVersion(clusters, `${vnd('2024-08-05')};q=0, application/json`)).toBe('2023-01-01');
    expect(negotiateVersion(clusters, 'APPLICATION/VND.ATLAS.2024-08-05+JSON')).toBe('2024-08-05');
    expect(refusal(`${vnd('2022-01-01')}, ${vnd('latest')}`)).toBe('406 NOT_ACCEPTABLE');
  });

  it('gives the same answer every time for one header (memoised), refusals included', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(negotiateVersion(clusters, vnd('2024-01-01'))).toBe('2023-02-01');
      expect(refusal(vnd('nope'))).toBe('406 INVALID_VERSION_DATE');
    }
  });
});
