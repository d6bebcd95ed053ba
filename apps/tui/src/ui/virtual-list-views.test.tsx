import { restorePoint } from '@atlas-checkpoints/core';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Column } from '../format/columns.js';
import { formatLocalTime } from '../format/time.js';
import { cloudRestoreJob } from '../source/restore-jobs.js';
import type { ClusterRow } from '../source/types.js';
import { emptyList } from '../state/list.js';
import { PageWindow } from '../state/page-window.js';
import type { ListScreen, SortOrder } from '../state/types.js';
import { columnsOf, fitOf } from '../state/view.js';
import { cloudJobs, snapshots } from '../test-helpers/restore-rows.js';
import { checkpoints, hexId } from '../test-helpers/rows.js';
import { VirtualList } from './virtual-list.js';

const NOW = Date.parse('2024-02-01T00:00:00Z');
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** A list screen of `kind` drawn `width` columns wide, as the browser draws it: its header line and first row. */
function drawn(
  kind: ListScreen['kind'],
  rows: readonly unknown[],
  width: number,
  sort?: SortOrder,
): { header: string; first: string } {
  const list = { ...emptyList<unknown>(), items: PageWindow.of(rows, 1), totalCount: rows.length, hasMore: false };
  const columns = columnsOf(kind) as ReadonlyArray<Column<unknown>>;
  const view = render(
    <VirtualList
      list={list}
      columns={columns}
      height={5}
      width={width}
      now={NOW}
      fit={fitOf(kind)}
      {...(sort ? { sort } : {})}
    />,
  );
  unmount = view.unmount;
  const [header = '', first = ''] = (view.lastFrame() ?? '').split('\n');
  for (const line of (view.lastFrame() ?? '').split('\n')) expect(line.length).toBeLessThanOrEqual(width);
  return { header, first };
}

const POINTS = [
  restorePoint('checkpoint', { ...checkpoints(1)[0], id: hexId(0), restorable: false }),
  ...snapshots(2).map((s) => restorePoint('snapshot', s)),
];
const pointTime = formatLocalTime(POINTS[0]?.time);

describe('restore points in a narrow terminal', () => {
  it('at 40 columns shows the time to the second, the kind and the status, shortened', () => {
    const { header, first } = drawn('restorePoints', POINTS, 40);
    expect(header).toMatch(/^ TIME\s+KIND\s+STATUS\s*$/);
    expect(first).toMatch(new RegExp(`^›${pointTime}\\s+checkpt\\s+not re…\\s*$`));
  });

  it('at 60 columns keeps the whole kind and status', () => {
    const { header, first } = drawn('restorePoints', POINTS, 60);
    expect(header).toMatch(/^ TIME\s+KIND\s+STATUS\s*$/);
    expect(first).toContain(pointTime);
    expect(first).toMatch(/checkpoint\s+not restorable\s*$/);
  });

  it('at 80 columns shows the time with its age', () => {
    const { header, first } = drawn('restorePoints', POINTS, 80);
    expect(header).toMatch(/^ TIME\s+KIND\s+STATUS/);
    expect(first).toMatch(/\(\d+\w* ago\)\s+checkpoint\s+not restorable/);
  });
});

describe('the other lists at 40 columns', () => {
  it('restore jobs: request time, backup and status', () => {
    const jobs = cloudJobs().map(cloudRestoreJob);
    const { header, first } = drawn('restoreJobs', jobs, 40);
    expect(header).toMatch(/^ REQUESTED\s+BACKUP\s+STATUS\s*$/);
    expect(first).toMatch(/^›\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+cloud\s+\S/);
  });

  it('clusters: the whole name beside its type and state', () => {
    const clusters: ClusterRow[] = [
      { name: 'sharded-legacy', clusterType: 'SHARDED', stateName: 'IDLE', mongoDBVersion: '8.0.4', backupEnabled: true },
    ];
    const { header, first } = drawn('clusters', clusters, 40);
    expect(header).toMatch(/^ NAME\s+TYPE\s+STATE\s*$/);
    expect(first).toMatch(/^›sharded-legacy\s+SHARDED\s+IDLE\s*$/);
  });
});

describe('a sorted column title', () => {
  const rows = checkpoints(3);
  it('keeps its whole name beside the arrow at the width it gets when there is room', () => {
    expect(drawn('checkpoints', rows, 80, { column: 3, descending: false }).header).toMatch(/RESTORABLE↑\s*$/);
    expect(drawn('checkpoints', rows, 60, { column: 3, descending: true }).header).toMatch(/RESTORABLE↓\s*$/);
  });

  it('cuts the name, never the arrow, when the column is narrow', () => {
    expect(drawn('checkpoints', rows, 40, { column: 3, descending: false }).header).toMatch(/RES…↑\s*$/);
  });
});
