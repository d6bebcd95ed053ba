import { describe, expect, it } from 'vitest';
import { deprecationLine } from './deprecation-line.js';

describe('deprecationLine', () => {
  it('names the operation and version, and the sunset day when there is one', () => {
    expect(
      deprecationLine({ operationId: 'listGroupClusters', apiVersion: '2023-01-01', sunset: new Date('2027-07-01T00:00:00Z') }),
    ).toBe('Atlas deprecated listGroupClusters (API 2023-01-01); removed 2027-07-01');
    expect(deprecationLine({ operationId: 'listGroups', apiVersion: '2023-01-01', sunset: undefined })).toBe(
      'Atlas deprecated listGroups (API 2023-01-01)',
    );
  });
});
