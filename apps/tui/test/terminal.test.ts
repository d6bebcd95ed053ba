import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTerminal, type Terminal } from './tmux-driver.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

/** The rows of the checkpoint list on screen: `[selected, id, timestamp]`. */
const rowsOf = (screen: string) =>
  [...screen.matchAll(/^(.)([a-f0-9]{24}) {2}(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/gm)].map((m) => ({
    selected: m[1] === '›',
    id: m[2] ?? '',
    time: m[3] ?? '',
  }));

describe('the browser in a real terminal (tmux)', () => {
  it('opens a cluster of 100,000 checkpoints on the newest, and G goes to the oldest reading one page', async () => {
    terminal = await openTerminal(['--demo', '--demo-checkpoints', '100000'], { columns: 120, rows: 35 });
    await terminal.waitFor(/loaded 3 of 3/);
    terminal.keys('Enter');
    await terminal.waitFor(/NAME\s+TYPE\s+STATE/);
    terminal.keys('Enter');
    // a cluster opens on its restore points; shift-tab goes to its checkpoints
    await terminal.waitFor(/TIME\s+KIND\s+STATUS/);
    terminal.keys('BTab');
    const screen = await terminal.waitFor(/loaded 500 of 100,000/, 60_000);
    expect(screen).toContain('newest first');
    const rows = rowsOf(screen);
    expect(rows[0]?.selected).toBe(true);
    // newest first: every row older than the one above it, the first the newest of all
    expect(rows.map((r) => r.time)).toEqual([...rows.map((r) => r.time)].sort().reverse());
    terminal.keys('G');
    const end = await terminal.waitFor((s) => rowsOf(s).some((r) => r.selected && r.time.startsWith('2024-01-01 00:00')));
    expect(end).toMatch(/loaded 500 of 100,000/);
    terminal.keys('g');
    await terminal.waitFor((s) => rowsOf(s)[0]?.selected === true && rowsOf(s)[0]?.id === rows[0]?.id);
    terminal.keys('q');
    expect(await terminal.exitStatus()).toBe(0);
  }, 90_000);

  it('exits 130 on Ctrl-C, and leaves no frame in the scrollback (alternate screen)', async () => {
    terminal = await openTerminal(['--demo'], { columns: 100, rows: 30 });
    await terminal.waitFor(/loaded 3 of 3/);
    terminal.keys('C-c');
    expect(await terminal.exitStatus()).toBe(130);
    expect(terminal.raw()).toContain('\u001b[?1049h');
    expect(terminal.history()).not.toContain('loaded 3 of 3');
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)('on %s from outside leaves the alternate screen, shows the cursor and exits %i', async (signal, status) => {
    terminal = await openTerminal(['--demo'], { columns: 100, rows: 30 });
    await terminal.waitFor(/loaded 3 of 3/);
    expect(terminal.alternateOn()).toBe(true);
    terminal.kill(signal);
    expect(await terminal.exitStatus()).toBe(status);
    expect(terminal.alternateOn()).toBe(false);
    expect(terminal.screen()).not.toContain('loaded 3 of 3');
    expect(terminal.raw()).toContain('\u001b[?1049l\u001b[?25h');
  });

  it('draws in a 6-row terminal without clearing the screen and scrollback on each frame', async () => {
    terminal = await openTerminal(['--demo'], { columns: 80, rows: 6 });
    await terminal.waitFor(/DEMO/);
    await terminal.waitFor(/›[a-f0-9]{24}/);
    terminal.keys('j', 'j', 'k');
    await terminal.waitFor((s) => s.split('\n').filter((l) => /^[ ›][a-f0-9]{24}/.test(l)).length >= 1);
    terminal.keys('Enter');
    await terminal.waitFor(/NAME/);
    terminal.keys('q');
    expect(await terminal.exitStatus()).toBe(0);
    // Ink writes clearTerminal (ESC[2J ESC[3J ESC[H) for every frame as tall as the terminal
    expect(terminal.raw()).not.toContain('\u001b[3J');
  });

  it('with no credentials opens on a screen that says so, and shows the demo on d', async () => {
    terminal = await openTerminal([], { columns: 120, rows: 30 });
    const screen = await terminal.waitFor('no Atlas credentials found');
    expect(screen).toContain('MONGODB_ATLAS_CLIENT_ID');
    expect(screen).not.toMatch(/loaded \d/);
    terminal.keys('d');
    expect(await terminal.waitFor(/loaded 3 of 3/)).toContain('DEMO');
    terminal.keys('q');
    expect(await terminal.exitStatus()).toBe(0);
  });

  describe('against a fake Atlas with a CJK and an emoji project name', () => {
    let server: Awaited<ReturnType<ReturnType<typeof createFakeAtlas>['listen']>>;
    beforeAll(async () => {
      const fixtures = generateFixtures({ seed: 7, projects: 3, clustersPerProject: 1, checkpointsPerCluster: 5 });
      const names = ['東京-本番', 'prod 🚀 eu', 'plain'];
      fixtures.projects.forEach((p, i) => (p.group.name = names[i] ?? p.group.name));
      const fake = createFakeAtlas({ fixtures });
      server = await fake.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await server.close();
    });

    it('keeps later columns in place (widths in terminal cells)', async () => {
      terminal = await openTerminal(
        ['--baseUrl', server.url],
        { columns: 120, rows: 20 },
        {
          MONGODB_ATLAS_PUBLIC_API_KEY: 'abcdefgh',
          MONGODB_ATLAS_PRIVATE_API_KEY: '00000000-0000-0000-0000-000000000000',
        },
      );
      const screen = await terminal.waitFor(/loaded 3 of 3/);
      const rows = screen.split('\n').filter((l) => /^[ ›][a-f0-9]{24}/.test(l));
      expect(rows.some((r) => r.includes('東京-本番')) && rows.some((r) => r.includes('🚀')), screen).toBe(true);
      // the CREATED column starts in the same terminal column on every row
      const starts = rows.map((r) => stringWidth(r.slice(0, r.search(/\d{4}-\d\d-\d\d /))));
      expect(new Set(starts).size, screen).toBe(1);
      terminal.keys('q');
      expect(await terminal.exitStatus()).toBe(0);
    });
  });
});
