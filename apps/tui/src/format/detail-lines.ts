import type { Checkpoint } from '../source/types.js';
import { printable } from './printable.js';
import { formatWhen } from './time.js';

const KNOWN = new Set(['id', 'clusterId', 'groupId', 'timestamp', 'started', 'completed', 'restorable', 'parts', 'links']);

const field = (label: string, value: string): string => `  ${label.padEnd(14)}${value}`;
const when = (iso: string | undefined, now: number): string => (iso === undefined ? '—' : `${formatWhen(iso, now)}  ${iso}`);

/**
 * Every field of a checkpoint as text lines: ids, times (local, age and ISO), restorable, each part
 * (type, replica set, shard, token), links, and any extra fields Atlas sent.
 *
 * @example
 * detailLines(checkpoint, Date.now()).join('\n')
 */
export function detailLines(checkpoint: Checkpoint, now: number): string[] {
  const lines = [
    `Checkpoint ${checkpoint.id ?? '(no id)'}`,
    field('Cluster ID', checkpoint.clusterId ?? '—'),
    field('Project ID', checkpoint.groupId ?? '—'),
    field('Timestamp', when(checkpoint.timestamp, now)),
    field('Started', when(checkpoint.started, now)),
    field('Completed', when(checkpoint.completed, now)),
    field('Restorable', checkpoint.restorable === undefined ? '—' : checkpoint.restorable ? 'yes' : 'no'),
    `Parts (${checkpoint.parts?.length ?? 0})`,
  ];
  (checkpoint.parts ?? []).forEach((part, i) => {
    lines.push(`  ${i + 1}. ${part.typeName ?? 'UNKNOWN'}`);
    if (part.replicaSetName !== undefined) lines.push(field('  Replica set', part.replicaSetName));
    if (part.shardName !== undefined) lines.push(field('  Shard', part.shardName));
    if (part.tokenDiscovered !== undefined) lines.push(field('  Token found', part.tokenDiscovered ? 'yes' : 'no'));
    if (part.tokenTimestamp !== undefined) {
      const ts = part.tokenTimestamp;
      lines.push(field('  Token time', `${when(ts.date, now)}${ts.increment === undefined ? '' : `  inc ${ts.increment}`}`));
    }
  });
  lines.push(`Links (${checkpoint.links?.length ?? 0})`);
  for (const link of checkpoint.links ?? []) lines.push(field(link.rel ?? '', link.href ?? ''));
  const extra = Object.entries(checkpoint).filter(([key]) => !KNOWN.has(key));
  if (extra.length > 0) {
    lines.push('Other fields');
    for (const [key, value] of extra) lines.push(field(key, JSON.stringify(value)));
  }
  return lines.map(printable);
}
