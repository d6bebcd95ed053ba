import type { Checkpoint } from '../source/types.js';
import { printable } from './printable.js';
import { fitWhen, formatWhen } from './time.js';

const KNOWN = new Set(['id', 'clusterId', 'groupId', 'timestamp', 'started', 'completed', 'restorable', 'parts', 'links']);

/** Cells before a field's value: two spaces and the label padded to 14. */
const LABEL_CELLS = 16;
const field = (label: string, value: string): string => `  ${label.padEnd(14)}${value}`;

/**
 * A time in `room` cells, never cut: `local (age)  ISO`, else `local (age)`, else {@link fitWhen}'s
 * shorter whole forms keeping the exact time (`2y ago 2024-01-06 04:45:00`, `2024-01-06 04:45:00`)
 * before the age with the date alone: for one record the time matters more than its age.
 */
function when(iso: string | undefined, now: number, room: number): string {
  if (iso === undefined) return '—';
  const local = formatWhen(iso, now);
  if (local === '') return iso;
  for (const candidate of [`${local}  ${iso}`, local]) if (candidate.length <= room) return candidate;
  return fitWhen(iso, now, room, true);
}

/**
 * Every field of a checkpoint as text lines: ids, times (local, age and ISO), restorable, each part
 * (type, replica set, shard, token), links, and any extra fields Atlas sent. With `width` (cells), a
 * time that does not fit whole is replaced by a shorter whole form (age, then date), never cut.
 *
 * @example
 * detailLines(checkpoint, Date.now(), process.stdout.columns).join('\n')
 */
export function detailLines(checkpoint: Checkpoint, now: number, width = Number.POSITIVE_INFINITY): string[] {
  const room = Math.max(0, width - LABEL_CELLS);
  const lines = [
    `Checkpoint ${checkpoint.id ?? '(no id)'}`,
    field('Cluster ID', checkpoint.clusterId ?? '—'),
    field('Project ID', checkpoint.groupId ?? '—'),
    field('Timestamp', when(checkpoint.timestamp, now, room)),
    field('Started', when(checkpoint.started, now, room)),
    field('Completed', when(checkpoint.completed, now, room)),
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
      const inc = ts.increment === undefined ? '' : `  inc ${ts.increment}`;
      lines.push(field('  Token time', `${when(ts.date, now, room - inc.length)}${inc}`));
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
