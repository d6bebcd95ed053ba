import { CHECKPOINT_COLUMNS, CLUSTER_COLUMNS, PROJECT_COLUMNS, type Column } from '../format/columns.js';
import { formatLocalTime } from '../format/time.js';
import type { Checkpoint, ClusterRow, ProjectRow } from '../source/types.js';
import type { ListScreen } from './types.js';

/** The columns of a list screen. */
export function columnsOf(kind: ListScreen['kind']): ReadonlyArray<Column<never>> {
  switch (kind) {
    case 'projects':
      return PROJECT_COLUMNS;
    case 'clusters':
      return CLUSTER_COLUMNS;
    case 'checkpoints':
      return CHECKPOINT_COLUMNS;
    default:
      return kind satisfies never;
  }
}

/** The text a filter matches against: ids, names, dates (ISO and local), restorable, part names. */
export function searchText(kind: ListScreen['kind'], row: unknown): string {
  if (kind === 'projects') {
    const p = row as ProjectRow;
    return `${p.id ?? ''} ${p.name ?? ''}`.toLowerCase();
  }
  if (kind === 'clusters') {
    const c = row as ClusterRow;
    return `${c.name ?? ''} ${c.id ?? ''} ${c.clusterType ?? ''} ${c.stateName ?? ''}`.toLowerCase();
  }
  const c = row as Checkpoint;
  const parts = (c.parts ?? []).map((p) => `${p.replicaSetName ?? ''} ${p.shardName ?? ''} ${p.typeName ?? ''}`).join(' ');
  const restorable = c.restorable === true ? 'restorable' : c.restorable === false ? 'not-restorable' : '';
  return `${c.id ?? ''} ${c.timestamp ?? ''} ${formatLocalTime(c.timestamp)} ${restorable} ${parts}`.toLowerCase();
}

const compareRaw = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
};

/**
 * Indices of `items` that match `filter` (case-insensitive substring; space-separated terms all
 * must match), ordered by the `sort`-th column; `null` when neither applies (identity view).
 *
 * @example
 * computeView('checkpoints', items, 'restorable', 0)
 */
export function computeView(kind: ListScreen['kind'], items: readonly unknown[], filter: string, sort: number): number[] | null {
  const terms = filter.toLowerCase().split(/\s+/).filter((t) => t !== '');
  if (terms.length === 0 && sort === 0) return null;
  let indices: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (terms.length === 0) indices.push(i);
    else {
      const text = searchText(kind, items[i]);
      if (terms.every((t) => (t === 'restorable' ? /(^| )restorable/.test(text) : text.includes(t)))) indices.push(i);
    }
  }
  const column = columnsOf(kind)[sort - 1];
  if (column !== undefined) {
    const raw = (i: number): unknown => column.raw(items[i] as never);
    indices = indices.sort((a, b) => compareRaw(raw(a), raw(b)) || a - b);
  }
  return indices;
}
