import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { runGetCommand } from './get-command.js';
import { runLatestCommand } from './latest-command.js';

const capture = (): CliIo & { out: () => string } => {
  let out = '';
  return {
    stdout: { write: (text: string) => ((out += text), true) },
    stderr: { write: () => true },
    stdinIsTTY: false,
    env: { HOME: mkdtempSync(join(tmpdir(), 'demo-project-')) },
    out: () => out,
  };
};

describe('latest and get in demo mode', () => {
  it('default to the first demo project, like list, snapshots and restores', async () => {
    const latest = capture();
    const demo = { demo: true, demoCheckpoints: 10, clusterName: 'sharded-legacy', output: 'json' } as const;
    await runLatestCommand(demo, latest);
    const { id } = JSON.parse(latest.out()) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    const get = capture();
    await runGetCommand({ ...demo, checkpointId: id }, get);
    expect((JSON.parse(get.out()) as { id: string }).id).toBe(id);
  });
});
