import { afterEach, describe, expect, it } from 'vitest';
import { openTerminal, type Terminal } from './tmux-driver.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const KINDS = 'checkpoint|legacy snapshot|sharded snapshot|snapshot';

/** The restore point rows on screen: `[selected, time, kind, status]`. */
const pointsOf = (screen: string) =>
  [
    ...screen.matchAll(new RegExp(`^(.)(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) \\([^)]*\\)\\s+(${KINDS})\\s+(\\S+)`, 'gm')),
  ].map((m) => ({ selected: m[1] === '›', time: m[2] ?? '', kind: m[3] ?? '', status: m[4] ?? '' }));

/** The restore job rows on screen: `[time, backup, status]` (a running job's status starts with ●). */
const jobsOf = (screen: string) =>
  [...screen.matchAll(/^.(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \([^)]*\)\s+(cloud|legacy)\s+(● )?(\S+)/gm)].map((m) => ({
    time: m[1] ?? '',
    backup: m[2] ?? '',
    running: m[3] !== undefined,
    status: m[4] ?? '',
  }));

const newestFirst = (times: readonly string[]): boolean => times.every((t, i) => i === 0 || (times[i - 1] ?? '') >= t);

describe("a cluster's restore points and restore jobs in a real terminal (tmux, demo)", () => {
  it('opens the sharded legacy cluster and a Cloud Backup replica set on their restore points, newest first, and watches a running restore finish', async () => {
    terminal = await openTerminal(['--demo'], { columns: 120, rows: 35 });
    await terminal.waitFor(/loaded 3 of 3/);
    terminal.keys('Enter');
    await terminal.waitFor(/sharded-legacy/);

    // the sharded cluster on legacy backup: checkpoints and legacy snapshots, one list, newest first
    terminal.keys('Enter');
    let screen = await terminal.waitFor((s) => pointsOf(s).length > 5);
    expect(screen).toMatch(/sharded-legacy › restore points/);
    expect(screen).toContain('newest first');
    let points = pointsOf(screen);
    expect(points[0]?.selected).toBe(true);
    expect(newestFirst(points.map((p) => p.time))).toBe(true);
    expect(points.some((p) => p.kind === 'checkpoint')).toBe(true);
    terminal.keys('/');
    await terminal.waitFor('/▏');
    terminal.type('legacy');
    terminal.keys('Enter');
    screen = await terminal.waitFor('filter: legacy');
    points = pointsOf(screen);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.kind === 'legacy snapshot')).toBe(true);
    expect(newestFirst(points.map((p) => p.time))).toBe(true);
    terminal.keys('Escape');
    await terminal.waitFor((s) => !s.includes('filter:') && pointsOf(s).some((p) => p.kind === 'checkpoint'));
    terminal.keys('Escape');
    await terminal.waitFor(/NAME\s+TYPE\s+STATE/);

    // a replica set on Cloud Backup: its snapshots, newest first
    terminal.keys('j');
    await terminal.waitFor(/›replica-cloud/);
    terminal.keys('Enter');
    screen = await terminal.waitFor((s) => s.includes('replica-cloud › restore points') && pointsOf(s).length > 0);
    points = pointsOf(screen);
    expect(points.every((p) => p.kind === 'snapshot')).toBe(true);
    expect(newestFirst(points.map((p) => p.time))).toBe(true);
    terminal.keys('Escape');
    await terminal.waitFor(/NAME\s+TYPE\s+STATE/);

    // the cluster with restores in progress: tab to its restore jobs, open a running one, watch it finish
    terminal.keys('G');
    await terminal.waitFor(/›restoring/);
    terminal.keys('Enter');
    await terminal.waitFor('restoring › restore points');
    terminal.keys('Tab');
    screen = await terminal.waitFor((s) => s.includes('restoring › restore jobs') && jobsOf(s).some((j) => j.running));
    expect(screen).toContain('restore running: watching');
    const jobs = jobsOf(screen);
    expect(newestFirst(jobs.map((j) => j.time))).toBe(true);
    const running = jobs.findIndex((j) => j.running);
    for (let i = 0; i < running; i++) terminal.keys('j');
    terminal.keys('Enter');
    screen = await terminal.waitFor('Cloud Backup restore job');
    expect(screen).toMatch(/Status\s+running/);
    expect(screen).toMatch(/Progress\s+restoring/);
    // the browser re-reads the job while it runs; the fake moves it on with each read
    screen = await terminal.waitFor(/Status\s+finished/);
    expect(screen).toMatch(/Progress\s+done/);
    expect(screen).toMatch(/finishedAt\s+\d{4}-/);
    terminal.keys('q');
    expect(await terminal.exitStatus()).toBe(0);
  }, 90_000);
});
