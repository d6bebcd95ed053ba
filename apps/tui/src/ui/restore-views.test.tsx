import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cloudJobs } from '../test-helpers/restore-rows.js';
import { hexId } from '../test-helpers/rows.js';
import { memoryReader } from '../test-helpers/memory-reader.js';
import { Browser, type BrowserProps } from './browser.js';

const NOW = () => Date.parse('2024-02-01T00:00:00Z');
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function open(props: Partial<BrowserProps> = {}) {
  const reader = memoryReader();
  const view = render(
    <Browser reader={reader} source={{ label: 'DEMO', demo: true }} now={NOW} itemsPerPage={100} jobPollMs={20} {...props} />,
  );
  unmount = view.unmount;
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
  return { frame, until, press, reader };
}

const start = (view: 'restorePoints' | 'restoreJobs') => ({ groupId: hexId(1, 'a'), clusterName: 'Cluster0', view });

describe("a cluster's restore points and jobs in the browser", () => {
  it('shows each restore point with its kind, status, size or parts and expiry, newest first', async () => {
    const app = open({ start: start('restorePoints') });
    await app.until(/TIME\s+KIND\s+STATUS\s+SIZE \/ PARTS\s+EXPIRES/);
    const rows = app
      .frame()
      .split('\n')
      .filter((line) => /^[ ›]\d{4}-/.test(line));
    expect(rows[0]).toMatch(/^›2024-01-05 23:00:00 .*checkpoint\s+restorable\s+1: 1 shard/);
    expect(app.frame()).toContain('newest first');
    expect(app.frame()).toContain('tab view');
    await app.press('G', /›2024-01-01 00:00:00 .*checkpoint/);
    await app.press('k', /›2024-01-01 00:30:00 .*snapshot\s+completed\s+1\.5 GB\s+1d ago/);
  });

  it('opens a snapshot on every field, and y copies the Atlas document', async () => {
    const copy = vi.fn((_text: string) => true);
    const app = open({ start: start('restorePoints'), copy });
    await app.until(/TIME\s+KIND/);
    await app.press('G', /›2024-01-01 00:00:00/);
    await app.press('k', /›2024-01-01 00:30:00/);
    await app.press('\r', `Cloud Backup snapshot ${hexId(0, 'd')}`);
    expect(app.frame()).toMatch(/Size \/ parts\s+1\.5 GB/);
    expect(app.frame()).toMatch(/storageSizeBytes\s+1610612736/);
    await app.press('y', 'Copied as JSON');
    expect(JSON.parse(copy.mock.calls[0]?.[0] ?? '')).toMatchObject({ id: hexId(0, 'd'), status: 'completed' });
  });

  it('lists restore jobs with status and progress, and re-reads them until the running one finishes', async () => {
    const app = open({ start: start('restoreJobs') });
    await app.until(/REQUESTED\s+BACKUP\s+STATUS\s+PROGRESS/);
    expect(app.frame()).toMatch(/cloud\s+● running\s+restoring\s+automated/);
    expect(app.frame()).toMatch(/legacy\s+FINISHED\s+READY\s+HTTP/);
    expect(app.frame()).toContain('restore running: watching');
    // no key pressed: the browser polls while a job runs
    await app.until(/cloud\s+finished\s+done/);
    await vi.waitFor(() => expect(app.frame()).not.toContain('running'));
    expect(app.frame()).not.toContain('watching'); // and it stops (the reducer tests prove no more reads are asked for)
  });

  it('opens a running job and watches its status change', async () => {
    const running = cloudJobs().find((job) => job.finishedAt === undefined)!;
    const app = open({ start: start('restoreJobs'), jobPollMs: 200 });
    await app.until(/›.*cloud\s+● running/);
    await app.press('\r', `Cloud Backup restore job ${running.id}`);
    expect(app.frame()).toMatch(/Status\s+running/);
    await app.until(/Status\s+finished/);
    expect(app.frame()).toMatch(/finishedAt\s+2024-01-04/);
    expect(app.reader.calls).toContain(`cloudJob:${running.id}`);
  });
});
