import { describe, expect, it } from 'vitest';
import { newest } from './latest-command.js';

describe('newest', () => {
  const page = [
    { id: 'a', timestamp: '2024-01-01T00:00:00Z', restorable: true },
    { id: 'c', timestamp: '2024-01-03T00:00:00Z', restorable: false },
    { id: 'b', timestamp: '2024-01-02T00:00:00Z', restorable: true },
  ];

  it('picks the newest by timestamp, whatever the order, among the matches', () => {
    expect(newest(page, () => true)?.id).toBe('c');
    expect(newest(page, (c) => c.restorable === true)?.id).toBe('b');
    expect(newest(page, () => false)).toBeUndefined();
  });

  it('on a tie (or no timestamp) the later one in the page wins, as Atlas lists oldest first', () => {
    expect(newest([{ id: 'x' }, { id: 'y' }], () => true)?.id).toBe('y');
  });
});
