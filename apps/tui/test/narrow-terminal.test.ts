import { afterEach, describe, expect, it } from 'vitest';
import { openTerminal, type Terminal } from './tmux-driver.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

/** The demo's payments-prod project and its sharded cluster, opened by flags (the header knows the id only). */
const ARGS = ['--demo', '--groupId', '64355d3469083cb0b3f90a59', '--clusterName', 'Cluster0'];

/** The first checkpoint row: `›<id>  <timestamp>  <restorable>`. */
const firstRow = (screen: string): string => screen.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('the checkpoint list in narrow terminals (tmux, demo)', () => {
  for (const columns of [40, 60, 80]) {
    it(`at ${columns} columns shows id, timestamp to the second and restorable, and the project by name`, async () => {
      terminal = await openTerminal(ARGS, { columns, rows: 14 });
      // a cluster opens on its restore points; shift-tab goes to its checkpoints
      await terminal.waitFor(/loaded \d+ of/);
      terminal.keys('BTab');
      const screen = await terminal.waitFor(/ID\s+TIMESTAMP\s+RESTO?R?A?B?L?E?…?/);
      const row = firstRow(screen);
      expect(row).toMatch(/^›[0-9a-f]{7,24}…?\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\b.*\s(yes|no)\s*$/);
      // the name (payments-prod, cut at 40 columns), never the group id 64355d…
      expect(await terminal.waitFor(/projects › p/)).not.toMatch(/projects › 6/);
      // the progress is whole, the key hint gives way
      expect(screen.trimEnd().split('\n').at(-1)).toMatch(/^loaded 500 of 500 +\S/);
      for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
      terminal.keys('q');
      expect(await terminal.exitStatus()).toBe(0);
    });
  }
});
