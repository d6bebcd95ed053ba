import { describe, expect, it } from 'vitest';
import { createVersionSweep } from './version-sweep.js';

describe('createVersionSweep', () => {
  const today = new Date('2023-01-05T12:00:00Z');

  it('asks the first operation of a list of versions for every day, later ones for the days the answer can change', () => {
    const daysFor = createVersionSweep(today);
    expect(daysFor('getLegacyBackupRestoreJob', ['2023-01-01', '2023-01-04'])).toEqual([
      '2023-01-01',
      '2023-01-02',
      '2023-01-03',
      '2023-01-04',
      '2023-01-05',
    ]);
    expect(daysFor('listLegacyBackupRestoreJobs', ['2023-01-01', '2023-01-04'])).toEqual([
      '2023-01-01',
      '2023-01-03',
      '2023-01-04',
      '2023-01-05',
    ]);
  });

  it("always asks the first excerpt's operations for every day", () => {
    const daysFor = createVersionSweep(today);
    daysFor('listGroupClusters', ['2023-01-01']);
    expect(daysFor('listGroups', ['2023-01-01'])).toHaveLength(5);
  });
});
