import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const MiB = 1024 * 1024;

/** Starts the bin under a V8 heap limit; resolves with its URL and whether it is still running. */
async function startBin(heapMiB: number, args: string[]) {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMiB}`, '--import', 'tsx', '--conditions=@atlas-checkpoints/source', bin, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = once(child, 'exit');
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGKILL');
      await exited;
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line);
    });
    void exited.then(() => reject(new Error(`the bin exited: ${stderr}`)));
  });
  return { url, alive: () => child.exitCode === null && child.signalCode === null, stderr: () => stderr };
}

/** A gauge's value from the Prometheus text. */
function gauge(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.split(' ').pop());
}

describe('--cache-max-bytes bounds what the proxy keeps (a child process under --max-old-space-size)', () => {
  it('stays alive and within the bound with 520 principals each caching large lists and several renderings', async () => {
    const fixtures = generateFixtures({ seed: 5, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 200 });
    const fake = createFakeAtlas({ fixtures });
    const upstream = await fake.listen({ port: 0, host: '127.0.0.1' });
    stops.push(() => upstream.close());
    const project = fixtures.projects[0];
    const cluster = project?.clusters.find((entry) => entry.checkpoints.length > 0);
    const list = `/api/atlas/v2/groups/${project?.group.id}/clusters/${cluster?.cluster.name}/backupCheckpoints`;
    const bound = 24 * MiB;
    // Before this bound covered every cache, the same load held about three times the bound
    // (parsed documents beside the entries, rendered bodies in a budget of their own) and this
    // heap ran out.
    const proxy = await startBin(112, [
      '--upstream',
      upstream.url,
      '--auth-mode',
      'passthrough',
      '--port',
      '0',
      '--cache-max-bytes',
      String(bound),
      '--log-level',
      'silent',
    ]);

    const principals = 520;
    const searches = ['', '?itemsPerPage=7&pageNum=3&pretty=true'];
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < principals * searches.length) {
        const n = next++;
        const headers = { authorization: `Bearer principal-${n % principals}`, 'accept-encoding': 'gzip, br' };
        const res = await fetch(`${proxy.url}${list}${searches[Math.floor(n / principals)]}`, { headers }).catch(() => undefined);
        if (res?.status !== 200) failed += 1;
        await res?.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const metrics = await (await fetch(`${proxy.url}/metrics`)).text();
    expect({ alive: proxy.alive(), failed }).toEqual({ alive: true, failed: 0 });
    expect(gauge(metrics, 'atlas_proxy_cache_bytes')).toBeLessThanOrEqual(bound);
    expect(gauge(metrics, 'atlas_proxy_cache_bytes')).toBeGreaterThan(bound / 2);
  }, 240_000);
});
