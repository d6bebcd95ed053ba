import { afterEach, describe, expect, it } from 'vitest';
import { openTerminal, type Terminal } from './tmux-driver.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

/** The demo's payments-prod project and its sharded cluster, opened by flags (the header knows the id only). */
const ARGS = ['--demo', '--groupId', '64355d3469083cb0b3f90a59', '--clusterName', 'Cluster0'];

/** The first row (the cursor's). */
const firstRow = (screen: string): string => screen.split('\n').find((l) => l.startsWith('›')) ?? '';
const TIME = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`;

describe('the checkpoint list in narrow terminals (tmux, demo)', () => {
  for (const columns of [40, 60, 80]) {
    it(`at ${columns} columns shows id, timestamp to the second and restorable, and the project by name`, async () => {
      terminal = await openTerminal(ARGS, { columns, rows: 14 });
      // a cluster opens on its restore points; tab goes to its restore jobs (a deprecated legacy list), then its checkpoints
      await terminal.waitFor(/loaded \d+ of/);
      terminal.keys('Tab');
      await terminal.waitFor(/Atlas deprecated listGroupClusterRestor/);
      terminal.keys('Tab');
      const screen = await terminal.waitFor(/ID\s+TIMESTAMP\s+RESTO?R?A?B?L?E?…?/);
      const row = firstRow(screen);
      expect(row).toMatch(/^›[0-9a-f]{7,24}…?\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\b.*\s(yes|no)\s*$/);
      // the name and the cluster (the end of the breadcrumbs stays), never the group id 64355d…
      const title = (await terminal.waitFor(/payments-prod › Cluster0/)).split('\n')[0] ?? '';
      expect(title).not.toMatch(/› 6/);
      // the deprecation of the checkpoints' own operation, not the restore jobs' seen last
      await terminal.waitFor(/Atlas deprecated listGroupClusterBack/);
      // the progress is whole, the key hint gives way
      expect(screen.trimEnd().split('\n').at(-1)).toMatch(/^loaded 500 of 500 +\S/);
      for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
      // sorted by RESTORABLE, its title keeps its arrow (and its whole name where there is room)
      terminal.keys('s', 's', 's');
      const sorted = await terminal.waitFor(/ RES\S*[↑↓]\s*$/m);
      if (columns >= 60) expect(sorted).toMatch(/ RESTORABLE[↑↓]\s*$/m);
      terminal.keys('q');
      expect(await terminal.exitStatus()).toBe(0);
    });
  }

  for (const columns of [40, 60, 80]) {
    it(`at ${columns} columns the restore points show time, kind and status`, async () => {
      terminal = await openTerminal(ARGS, { columns, rows: 14 });
      const screen = await terminal.waitFor(/^›\d{4}-/m);
      expect(screen).toMatch(/^ TIME\s+KIND\s+STATUS/m);
      const row = firstRow(screen);
      expect(row).toMatch(new RegExp(`^›${TIME}.*\\s(snapshot|sharded|checkpt|checkpoint)\\S*\\s+\\S`));
      // where you are: the cluster's restore points
      expect(screen.split('\n')[0]).toMatch(/Cluster0 › restore points/);
      for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
      terminal.keys('q');
      expect(await terminal.exitStatus()).toBe(0);
    });
  }

  it('at 40 columns the restore jobs, clusters and projects keep their useful columns', async () => {
    terminal = await openTerminal(ARGS, { columns: 40, rows: 14 });
    await terminal.waitFor(/^›\d{4}-/m);
    terminal.keys('Tab');
    let screen = await terminal.waitFor(/^ REQUESTED\s+BACKUP\s+STATUS/m);
    expect(screen.split('\n')[0]).toMatch(/Cluster0 › restore jobs/);
    terminal.keys('Escape');
    screen = await terminal.waitFor(/^ NAME\s+TYPE\s+STATE/m);
    expect(screen).toMatch(/^.Cluster0\s+\S+\s+\S+/m);
    terminal.keys('Escape');
    screen = await terminal.waitFor(/^ ID\s+NAME/m);
    expect(screen).toMatch(/payments-pr/);
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    terminal.keys('q');
    expect(await terminal.exitStatus()).toBe(0);
  });
});
