import { stripVTControlCharacters } from 'node:util';
import { AtlasApiError } from '@atlas-checkpoints/core';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResponseFeed } from '../source/response-feed.js';
import { hexId } from '../test-helpers/rows.js';
import { memoryReader } from '../test-helpers/memory-reader.js';
import { Browser, type BrowserProps } from './browser.js';

const KEYS = { down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B', pageDown: '\u001B[6~' };
const NOW = () => Date.parse('2024-02-01T00:00:00Z');
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function open(props: Partial<Omit<BrowserProps, 'reader'>> & { reader?: ReturnType<typeof memoryReader> } = {}) {
  const reader = props.reader ?? memoryReader();
  const view = render(
    <Browser reader={reader} source={{ label: 'http://memory.local', demo: false }} now={NOW} itemsPerPage={100} {...props} />,
  );
  unmount = view.unmount;
  // The text a user reads: colour codes vary with the terminal (Nx forces colour in `npm test`).
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
  return { ...view, frame, until, press, reader };
}

describe('Browser', () => {
  it('lists projects with the source and progress in the chrome', async () => {
    const app = open();
    await app.until('production');
    expect(app.frame()).toContain('http://memory.local');
    expect(app.frame()).toContain('loaded 2 of 2');
    expect(app.frame()).toMatch(/ID\s+NAME\s+CLUSTERS/);
  });

  it('says DEMO in the header in demo mode', async () => {
    const app = open({ source: { label: 'DEMO', demo: true } });
    await app.until('DEMO');
  });

  it('walks projects → clusters → checkpoints → detail and back with esc', async () => {
    const app = open();
    await app.until('production');
    await app.press(KEYS.enter, 'Cluster0');
    expect(app.frame()).toContain('projects › production');
    await app.press(KEYS.enter, /TIME\s+KIND\s+STATUS/);
    // shift-tab: the cluster's previous view, its checkpoints
    // newest first: the last page is read first, so the newest checkpoint is under the cursor at once
    await app.press('\u001B[Z', `›${hexId(119)}`);
    expect(app.frame()).toContain('newest first');
    await app.press('j', `›${hexId(118)}`);
    await app.press(KEYS.enter, `Checkpoint ${hexId(118)}`);
    expect(app.frame()).toMatch(/Parts \(1\)/);
    expect(app.frame()).toMatch(/Replica set\s+rs-0/);
    await app.press(KEYS.esc, `›${hexId(118)}`);
    await app.press('k', `›${hexId(119)}`);
    // the cluster's views are one level: back goes to the clusters
    await app.press('\u007F', /NAME\s+TYPE\s+STATE/);
  });

  it('reads the last page first, then the page before it as the cursor nears the end', async () => {
    const app = open();
    await app.until('production');
    await app.press(KEYS.enter, 'Cluster0');
    await app.press(KEYS.enter, /TIME\s+KIND\s+STATUS/);
    await app.press('\u001B[Z', 'loaded 120 of 120');
    // page 1 (for the count) then page 2 (the last) by core's readLastPage, then page 1 again as rows before it
    expect(app.reader.calls.filter((c) => c.startsWith('checkpoints:'))).toEqual([
      'checkpoints:Cluster0:1',
      'checkpoints:Cluster0:2',
      'checkpoints:Cluster0:1',
    ]);
    await app.press('G', `›${hexId(0)}`);
  });

  it('G goes to the true end of 5,000 checkpoints reading one page, not every page', async () => {
    const app = open({
      reader: memoryReader(5000),
      start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' },
    });
    await app.until(`›${hexId(4999)}`);
    await app.until('› production ›'); // the project's name, read once from the projects list
    app.reader.calls.length = 0;
    await app.press('G', `›${hexId(0)}`);
    expect(app.reader.calls).toEqual(['checkpoints:Cluster0:1']);
    await app.press('g', `›${hexId(4999)}`);
  });

  it('renders only the visible rows of a long list', async () => {
    const app = open({
      reader: memoryReader(5000),
      start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' },
    });
    await app.until('loaded 100 of 5,000');
    expect(app.frame()).toContain(`›${hexId(4999)}`);
    const rows = app
      .frame()
      .split('\n')
      .filter((line) => /c0{10}/.test(line));
    expect(rows.length).toBe(18);
    await app.press(KEYS.pageDown, `›${hexId(4999 - 18)}`);
  });

  it('filters with /, and esc clears the filter', async () => {
    const app = open({ start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' } });
    await app.until('loaded 120 of 120');
    app.stdin.write('/');
    await app.until('/▏');
    for (const ch of hexId(42).slice(-4)) app.stdin.write(ch);
    await app.until('1 match');
    expect(app.frame()).toContain(hexId(42));
    expect(app.frame()).not.toContain(hexId(41));
    await app.press(KEYS.enter, 'filter: ');
    await app.press(KEYS.esc, /^(?![\s\S]*match)/);
  });

  it('cycles the sort column with s and reverses it with S, showing the order in the header', async () => {
    const app = open({ start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' } });
    await app.until('loaded 120 of 120');
    app.stdin.write('s');
    app.stdin.write('s');
    app.stdin.write('s');
    await app.until('RESTORABLE ↓');
    await app.press('S', 'RESTORABLE ↑');
    // the cursor stays on its checkpoint; g goes to the top of the new order (not restorable first)
    expect(app.frame()).toContain(`›${hexId(119)}`);
    await app.press('g', `›${hexId(0)}`);
    expect(app.frame()).toContain(`\n ${hexId(3)} `);
  });

  it('shows help on ? and closes it on any key', async () => {
    const app = open();
    await app.until('production');
    await app.press('?', 'cycle sort column');
    await app.press('x', 'production');
    expect(app.frame()).not.toContain('cycle sort column');
  });

  it('copies the selection as JSON with y', async () => {
    const copy = vi.fn((_text: string) => true);
    const app = open({ copy });
    await app.until('production');
    await app.press('y', 'Copied as JSON to the clipboard');
    expect(JSON.parse(copy.mock.calls[0]?.[0] ?? '')).toMatchObject({ name: 'production' });
  });

  it('keeps copies it could not deliver for printing on exit, and quits with q', async () => {
    const onQuit = vi.fn<NonNullable<BrowserProps['onQuit']>>();
    const app = open({ onQuit });
    await app.until('production');
    await app.press('y', 'printed when you quit');
    app.stdin.write('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
    expect(onQuit.mock.calls[0]?.[0].unsentCopies).toHaveLength(1);
  });

  it('refreshes with r', async () => {
    const app = open();
    await app.until('production');
    app.stdin.write('r');
    await vi.waitFor(() => expect(app.reader.calls.filter((c) => c === 'projects:1')).toHaveLength(2));
  });

  it('shows errors in place with what to do, and retries with r', async () => {
    let fail = true;
    const error = new AtlasApiError({
      status: 401,
      method: 'GET',
      url: 'http://x',
      body: {
        error: 401,
        errorCode: 'UNEXPECTED_ERROR',
        detail: 'You are not authorized for this resource.',
        reason: 'Unauthorized',
      },
    });
    const app = open({ reader: memoryReader(10, () => (fail ? error : undefined)) });
    await app.until('401 Unauthorized');
    expect(app.frame()).toContain('MONGODB_ATLAS_CLIENT_ID');
    fail = false;
    await app.press('r', 'production');
  });

  it('says which id was not found on 404', async () => {
    const error = new AtlasApiError({
      status: 404,
      method: 'GET',
      url: 'https://cloud.mongodb.com/api/atlas/v2/groups/x/clusters/Gone/backupCheckpoints',
      body: { error: 404, errorCode: 'CLUSTER_NOT_FOUND', detail: 'nope', reason: 'Not Found' },
    });
    const app = open({
      reader: memoryReader(10, () => error),
      start: { groupId: hexId(1, 'a'), clusterName: 'Gone', view: 'checkpoints' },
    });
    await app.until('Cluster Gone was not found');
  });

  it('shows rate limiting and the proxy cache status from responses', async () => {
    const feed = createResponseFeed();
    const app = open({ feed });
    await app.until('production');
    feed.emit({ status: 429, headers: new Headers({ 'retry-after': '3' }) });
    await app.until('waiting 3s and retrying');
    feed.emit({ status: 200, headers: new Headers({ 'cache-status': 'atlas-checkpoints-proxy; hit', age: '12' }) });
    await app.until('cache: atlas-checkpoints-proxy; hit age 12s');
  });

  it('reads Retry-After with core’s parser: an HTTP date, and 1 s when it is missing', async () => {
    const feed = createResponseFeed();
    const app = open({ feed });
    await app.until('production');
    feed.emit({ status: 429, headers: new Headers({ 'retry-after': new Date(Date.now() + 90_000).toUTCString() }) });
    await app.until(/waiting (89|90)s and retrying/);
    feed.emit({ status: 429, headers: new Headers() });
    await app.until('waiting 1s and retrying');
  });

  it('redraws on terminal resize', async () => {
    const app = open({ start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' } });
    await app.until('loaded 120 of 120');
    Object.defineProperty(app.stdout, 'rows', { value: 10, configurable: true });
    app.stdout.emit('resize');
    await vi.waitFor(() =>
      expect(
        app
          .frame()
          .split('\n')
          .filter((line) => /c0{10}/.test(line)),
      ).toHaveLength(4),
    );
  });

  it('keeps the header to one line, so the frame fits an 80x24 terminal, however long the breadcrumbs', async () => {
    const app = open({
      source: { label: 'https://atlas-checkpoints-proxy.internal.example.com:8443', demo: false },
      start: { groupId: hexId(1, 'a'), clusterName: 'Cluster0', checkpointId: hexId(3) },
    });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    app.stdout.emit('resize');
    await app.until('Parts (1)');
    const lines = app.frame().split('\n');
    // the breadcrumbs lose their start, never where you are (the checkpoint)
    expect(lines[0]).toMatch(new RegExp(`^…\\S* › Cluster0 › ${hexId(3)} `));
    expect(lines[1]).toMatch(/^─+$/);
    expect(lines.length).toBeLessThan(24);
  });
});
