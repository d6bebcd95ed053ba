import type { Checkpoint } from '../source/types.js';

/** A 24-hex id from a number. */
export const hexId = (n: number, prefix = 'c'): string => `${prefix}${n.toString(16).padStart(23, '0')}`;

/** `n` checkpoints, one an hour from 2024-01-01, every third not restorable. */
export function checkpoints(n: number, start = 0): Checkpoint[] {
  return Array.from({ length: n }, (_, k) => {
    const i = start + k;
    const time = new Date(Date.UTC(2024, 0, 1) + i * 3600_000).toISOString().replace('.000Z', 'Z');
    return {
      id: hexId(i),
      groupId: hexId(1, 'a'),
      clusterId: hexId(1, 'b'),
      timestamp: time,
      started: time,
      completed: time,
      restorable: i % 3 !== 0,
      parts: [{ typeName: 'REPLICA_SET', replicaSetName: `rs-${i % 2}`, tokenDiscovered: true }],
    };
  });
}
