import { describe, expect, it } from 'vitest';
import { detailLines } from './detail-lines.js';

describe('detailLines', () => {
  it('shows every field, each part and the links', () => {
    const text = detailLines(
      {
        id: 'a'.repeat(24),
        clusterId: 'b'.repeat(24),
        groupId: 'c'.repeat(24),
        timestamp: '2024-05-04T09:42:00Z',
        restorable: true,
        parts: [
          {
            typeName: 'REPLICA_SET',
            replicaSetName: 'shard-0',
            shardName: 'shard-0',
            tokenDiscovered: true,
            tokenTimestamp: { date: '2024-05-04T09:41:59Z', increment: 3 },
          },
          { typeName: 'CONFIG_SERVER_REPLICA_SET', replicaSetName: 'config' },
        ],
        links: [{ rel: 'self', href: 'https://cloud.mongodb.com/x' }],
        futureField: 7,
      } as never,
      Date.parse('2024-05-04T12:00:00Z'),
    ).join('\n');
    expect(text).toContain(`Checkpoint ${'a'.repeat(24)}`);
    expect(text).toMatch(/Timestamp\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(2h ago\)\s+2024-05-04T09:42:00Z/);
    expect(text).toContain('Parts (2)');
    expect(text).toContain('1. REPLICA_SET');
    expect(text).toMatch(/Shard\s+shard-0/);
    expect(text).toMatch(/Token time.*inc 3/);
    expect(text).toContain('2. CONFIG_SERVER_REPLICA_SET');
    expect(text).toMatch(/self\s+https:\/\/cloud.mongodb.com\/x/);
    expect(text).toMatch(/futureField\s+7/);
  });

  it.each([64, 32, 30])('shows each time whole or in a shorter whole form at %i cells, never cut', (width) => {
    const checkpoint = {
      id: 'a'.repeat(24),
      timestamp: '2024-01-06T04:45:00Z',
      started: '2024-01-06T04:40:00Z',
      parts: [{ typeName: 'REPLICA_SET', tokenTimestamp: { date: '2024-01-06T04:44:59Z', increment: 12 } }],
    } as never;
    const lines = detailLines(checkpoint, Date.parse('2026-01-10T00:00:00Z'), width);
    const timeLines = lines.filter((l) => /^\s+(Timestamp|Started|Token time)/.test(l));
    expect(timeLines).toHaveLength(3);
    for (const line of timeLines) {
      expect(line.length).toBeLessThanOrEqual(width);
      expect(line).not.toContain('…');
      const value = line.slice(16).replace(/ {2}inc 12$/, '');
      expect(value).toMatch(
        /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(2y ago\)( {2}2024-01-06T04:4\d:\d\dZ)?|2y ago( \d{4}-\d\d-\d\d( \d\d:\d\d:\d\d)?)?)$/,
      );
    }
    expect(lines.join('\n')).toContain(width >= 64 ? '(2y ago)' : '2y ago');
  });

  it('keeps the whole time of day at 40 columns, dropping the age first', () => {
    const checkpoint = { id: 'a'.repeat(24), timestamp: '2024-01-06T04:45:00Z' } as never;
    const lines = detailLines(checkpoint, Date.parse('2026-01-10T00:00:00Z'), 40);
    const line = lines.find((l) => l.includes('Timestamp')) ?? '';
    expect(line.length).toBeLessThanOrEqual(40);
    expect(line).toMatch(/Timestamp\s+(2y ago )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });
});
