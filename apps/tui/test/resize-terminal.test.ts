import { afterEach, describe, expect, it } from 'vitest';
import { openTerminal, type Terminal } from './tmux-driver.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

/** A restore point row of the list: ` 2024-01-06 04:45:00 (2y ago)  checkpoint …` (`›` on the selected one; the age only when it fits). */
const POINT = /^[ ›]\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /;
const pointRows = (screen: string): number => screen.split('\n').filter((line) => POINT.test(line)).length;

/**
 * The frame drawn for a `columns` x `rows` terminal is on screen, whole and once: the header on the
 * first line, `rows - 6` restore points (the list of 507 fills its body), the status line last
 * (`rows - 1` lines: a frame as tall as the terminal would make Ink clear the scrollback), nothing
 * from an earlier size left over.
 */
const frameFits =
  (columns: number, rows: number) =>
  (screen: string): boolean => {
    const lines = screen.split('\n');
    return (
      /sharded-legacy.*DEMO/.test(lines[0] ?? '') &&
      lines.filter((line) => line.includes('DEMO')).length === 1 &&
      pointRows(screen) === rows - 6 &&
      (lines[rows - 2] ?? '').endsWith('q quit') &&
      lines.filter((line) => line.includes('q quit')).length === 1 &&
      lines.every((line) => line.length <= columns)
    );
  };

describe('the browser in a real terminal (tmux) resized while it runs', () => {
  it('redraws at every size, and after growing, shrinking and growing again leaves no frame in the scrollback', async () => {
    terminal = await openTerminal(['--demo'], { columns: 80, rows: 24 });
    await terminal.waitFor(/loaded 3 of 3/);
    terminal.keys('Enter');
    await terminal.waitFor(/sharded-legacy/);
    terminal.keys('Enter');
    await terminal.waitFor(frameFits(80, 24));

    terminal.resize(200, 50);
    await terminal.waitFor(frameFits(200, 50));
    terminal.resize(60, 15);
    await terminal.waitFor(frameFits(60, 15));
    terminal.resize(120, 40);
    await terminal.waitFor(frameFits(120, 40));
    // rapid resizes: only the last size counts
    terminal.resize(200, 50);
    terminal.resize(90, 20);
    terminal.resize(160, 45);
    await terminal.waitFor(frameFits(160, 45));

    terminal.keys('q');
    expect(await terminal.exitStatus()).toBe(0);
    expect(terminal.alternateOn()).toBe(false);
    // the normal screen and everything scrolled off it: not one line of a frame
    const history = terminal.history();
    expect(history).not.toContain('q quit');
    expect(history).not.toContain('DEMO');
    expect(pointRows(history)).toBe(0);
    // nothing else either, but tmux's own note once the program has exited (remain-on-exit)
    expect(history.replace(/^Pane is dead \(status \d+, .*\)$/m, '').trim()).toBe('');
  }, 60_000);
});
