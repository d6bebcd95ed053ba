import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResponseFeed } from '../source/response-feed.js';
import type { AtlasReader } from '../source/types.js';
import { memoryReader } from '../test-helpers/memory-reader.js';
import { checkpoints, hexId } from '../test-helpers/rows.js';
import { Browser, type BrowserProps } from './browser.js';
import { NoCredentials } from './no-credentials.js';
import { KEY_HELP } from '../state/keymap.js';

const NOW = () => Date.parse('2024-02-01T00:00:00Z');
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** Renders `element`, resized to `rows` x `columns`; `frame()` is the text a person reads. */
function show(element: React.ReactElement, size?: { rows: number; columns: number }) {
  // Sized before the element mounts, so even its first frame is drawn for this size.
  const view = render(size === undefined ? element : <></>);
  unmount = view.unmount;
  if (size !== undefined) {
    Object.defineProperty(view.stdout, 'rows', { value: size.rows, configurable: true });
    Object.defineProperty(view.stdout, 'columns', { value: size.columns, configurable: true });
    view.stdout.emit('resize');
    view.rerender(element);
  }
  const frame = () => stripVTControlCharacters(view.lastFrame() ?? '');
  const until = (text: string | RegExp) =>
    vi.waitFor(() => (typeof text === 'string' ? expect(frame()).toContain(text) : expect(frame()).toMatch(text)), {
      timeout: 3000,
      interval: 5,
    });
  const press = async (key: string, expected: string | RegExp) => {
    view.stdin.write(key);
    await until(expected);
  };
  return { ...view, frame, until, press };
}

const browser = (props: Partial<BrowserProps> = {}) => (
  <Browser reader={memoryReader()} source={{ label: 'DEMO', demo: true }} now={NOW} itemsPerPage={100} {...props} />
);

describe('what the browser shows', () => {
  it('opened by --groupId, the header names the project once the projects list says its name', async () => {
    const app = show(browser({ start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' } }));
    await app.until('projects › production › Cluster0');
    expect(app.frame().split('\n')[0]).not.toContain(hexId(1, 'a'));
  });

  it('says DEMO on every screen in demo mode', async () => {
    const app = show(browser());
    await app.until('production');
    expect(app.frame()).toContain('DEMO');
    await app.press('\r', 'Cluster0');
    expect(app.frame()).toContain('DEMO');
    await app.press('\r', /TIME\s+KIND\s+STATUS/);
    expect(app.frame()).toContain('newest first');
    expect(app.frame()).toContain('DEMO');
    await app.press('\t', /REQUESTED\s+BACKUP\s+STATUS/);
    expect(app.frame()).toContain('DEMO');
    await app.press('\r', 'Cloud Backup restore job');
    expect(app.frame()).toContain('DEMO');
    await app.press('\u001B', /REQUESTED\s+BACKUP\s+STATUS/);
    await app.press('\t', `›${hexId(119)}`);
    expect(app.frame()).toContain('DEMO');
    await app.press('\r', 'Parts (1)');
    expect(app.frame()).toContain('DEMO');
    await app.press('?', 'reverse order');
    expect(app.frame()).toContain('DEMO');
  });

  it('re-reads the list on screen every --refresh interval, keeping the cursor', async () => {
    const reader = memoryReader();
    const app = show(browser({ reader, refreshMs: 25 }));
    await app.until('production');
    await app.press('j', '›a00000000000000000000002');
    await vi.waitFor(() => expect(reader.calls.filter((c) => c === 'projects:1').length).toBeGreaterThanOrEqual(3), {
      timeout: 3000,
    });
    expect(app.frame()).toContain('›a00000000000000000000002');
  });

  it('shows a deprecation from core as one status line, on the view whose operation it is', async () => {
    const feed = createResponseFeed();
    feed.deprecated({
      operationId: 'listGroupClusterBackupCheckpoints',
      apiVersion: '2023-01-01',
      sunset: new Date('2027-07-01T00:00:00Z'),
    });
    const app = show(browser({ feed, start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' } }));
    await app.until('Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01); removed 2027-07-01');
    const lines = app
      .frame()
      .split('\n')
      .filter((l) => l.includes('deprecated'));
    expect(lines).toHaveLength(1);
  });

  it('lines up columns after a CJK or emoji project name (widths in terminal cells)', async () => {
    const base = memoryReader();
    const reader: AtlasReader = {
      ...base,
      listProjects: async () => ({
        results: [
          { id: hexId(1, 'a'), name: '東京-本番', clusterCount: 2 },
          { id: hexId(2, 'a'), name: 'prod 🚀 eu', clusterCount: 7 },
          { id: hexId(3, 'a'), name: 'plain', clusterCount: 9 },
        ],
        totalCount: 3,
      }),
    };
    const app = show(browser({ reader }));
    await app.until('plain');
    const rows = app
      .frame()
      .split('\n')
      .filter((l) => l.includes(hexId(0, 'a').slice(0, 6)));
    expect(rows, app.frame()).toHaveLength(3);
    // the cluster count ends in the same terminal column on every row
    const ends = rows.map((row) => stringWidth(row.slice(0, row.search(/\d\s*$/) + 1)));
    expect(ends[0]).toBeGreaterThan(40);
    expect(new Set(ends).size).toBe(1);
  });

  it('never cuts a time mid-second, putting the age first when short', async () => {
    const app = show(browser({ start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' } }), {
      rows: 20,
      columns: 120,
    });
    await app.until(`›${hexId(119)}`);
    const frame = app.frame();
    expect(frame).not.toMatch(/\d{2}:\d{2}:\d…/);
    expect(frame).not.toMatch(/\d{2}:\d…/);
    expect(frame).toMatch(/\d+d ago 2024-01-0\d/);
  });

  it('says what the parts are', async () => {
    const reader = memoryReader();
    const sharded = checkpoints(3).map((c) => ({
      ...c,
      parts: [
        { typeName: 'REPLICA_SET', replicaSetName: 'shard-0' },
        { typeName: 'REPLICA_SET', replicaSetName: 'shard-1' },
        { typeName: 'CONFIG_SERVER_REPLICA_SET', replicaSetName: 'cfg' },
      ],
    }));
    const app = show(
      browser({
        reader: { ...reader, listClusterBackupCheckpoints: async () => ({ results: sharded, totalCount: 3 }) },
        start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' },
      }),
      { rows: 20, columns: 140 },
    );
    await app.until('3: 2 shards + config');
  });

  it.each([
    [80, 10],
    [60, 20],
    [40, 8],
    [100, 30],
  ])('draws the ? help at %ix%i in whole lines that fit, none overlapping', async (columns, rows) => {
    const app = show(browser(), { rows, columns });
    await app.until('production');
    app.stdin.write('?');
    await app.until(/move/);
    // the frame drawn for this size (a frame drawn before the resize may still be the last one under load)
    await vi.waitFor(() => expect(app.frame().split('\n').length).toBeLessThanOrEqual(rows), { timeout: 3000, interval: 5 });
    const lines = app.frame().split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    // a key is shown when its line holds the key, then the start of its own description
    const text = lines.join('\n');
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const shown = KEY_HELP.filter(([keys, what]) =>
      new RegExp(`(^| )${escape(keys)} +${escape(what.slice(0, 3))}`, 'm').test(text),
    );
    const more = /… (\d+) more keys/.exec(text);
    expect(shown.length + Number(more?.[1] ?? 0)).toBe(KEY_HELP.length);
    if (rows >= 30) {
      expect(more).toBeNull();
      expect(text).toContain('copy the selection as JSON');
      expect(text).toContain('back (or clear the filter)');
      expect(text).toContain('top / true end (reads the end page directly)');
      expect(text).not.toContain('…');
    }
  });

  it.each([6, 5, 4, 3])('fits a %i-row terminal with a frame shorter than the terminal (no full clear)', async (rows) => {
    const app = show(browser({ start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' } }), {
      rows,
      columns: 80,
    });
    await app.until(`›${hexId(119)}`);
    expect(app.frame().split('\n').length).toBeLessThan(rows);
    expect(app.frame()).toContain('DEMO');
    await app.press('j', `›${hexId(118)}`);
    expect(app.frame().split('\n').length).toBeLessThan(rows);
  });

  it('keeps the header on top of the detail view and behind a proxy, at any width', async () => {
    for (const columns of [30, 50, 80, 140]) {
      const app = show(
        browser({
          source: { label: 'https://atlas-checkpoints-proxy.internal.example.com:8443', demo: false },
          start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', checkpointId: hexId(3) },
        }),
        { rows: 24, columns },
      );
      await app.until('Parts (1)');
      const lines = app.frame().split('\n');
      // the title's start gives way first: where you are (the checkpoint) stays
      expect(lines[0]).toMatch(/^(atlas-checkpoints|projects|…)/);
      expect(lines[0]).toContain(hexId(3).slice(-8));
      expect(lines.length).toBeLessThan(24);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      app.unmount();
    }
  });
});

describe('no credentials', () => {
  it('says so and how to configure them, and opens the demo on d', async () => {
    const onQuit = vi.fn();
    const app = show(<NoCredentials demo={() => browser()} onQuit={onQuit} />);
    await app.until('no Atlas credentials found');
    expect(app.frame()).toContain('MONGODB_ATLAS_CLIENT_ID');
    expect(app.frame()).not.toContain('production');
    await app.press('d', 'production');
    expect(app.frame()).toContain('DEMO');
  });

  it.each([
    [80, 6],
    [40, 10],
    [30, 3],
    [120, 30],
  ])('fits a %ix%i terminal: the title and d/q first, the advice cut to fit', async (columns, rows) => {
    const app = show(
      <NoCredentials reason="no Atlas credentials found (flags, env)." demo={() => browser()} onQuit={vi.fn()} />,
      {
        rows,
        columns,
      },
    );
    await app.until(/no Atlas credentials found[^\n]*\n[^\n]*q quit/);
    // the frame drawn for this size (a frame drawn before the resize may still be the last one under load)
    await vi.waitFor(() => expect(app.frame().split('\n').length).toBeLessThan(rows), { timeout: 3000, interval: 5 });
    const lines = app.frame().split('\n');
    expect(lines[0]).toContain('no Atlas credentials found');
    expect(lines[1]).toMatch(/^ d browse the DEMO.* · q quit$/);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    if (rows >= 30) expect(app.frame()).toContain('MONGODB_ATLAS_ACCESS_TOKEN');
  });

  it('quits on q, and on Ctrl-C as interrupted', async () => {
    const onQuit = vi.fn();
    const app = show(<NoCredentials demo={() => browser()} onQuit={onQuit} />);
    await app.until('no Atlas credentials found');
    app.stdin.write('\u0003');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledWith(true));
  });
});
