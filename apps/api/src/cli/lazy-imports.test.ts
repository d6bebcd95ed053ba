import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The externals and sources the bin loads before running anything (static imports only). */
async function staticClosure() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/bin.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    conditions: ['@atlas-checkpoints/source'],
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === 'src/bin.ts') ?? '';
  const externals = new Set<string>();
  const dynamic = new Set<string>();
  const sources = new Set<string>();
  const queue = [entry];
  for (const seen = new Set<string>(); queue.length > 0;) {
    const chunk = queue.pop() ?? '';
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    for (const input of Object.keys(outputs[chunk]?.inputs ?? {})) sources.add(input);
    for (const imported of outputs[chunk]?.imports ?? []) {
      if (imported.kind === 'dynamic-import') dynamic.add(imported.path);
      else if (imported.external) externals.add(imported.path);
      else queue.push(imported.path);
    }
  }
  return { externals, dynamic, sources };
}

describe('the bin’s cold start', () => {
  it('parses arguments before loading the server, the cache backends, core or testkit', async () => {
    const { externals, dynamic, sources } = await staticClosure();
    expect(externals).toContain('commander');
    for (const heavy of [
      'hono',
      '@hono/node-server',
      'undici',
      'pino',
      'prom-client',
      'ioredis',
      'lru-cache',
      'cockatiel',
      '@opentelemetry/api',
      '@opentelemetry/sdk-trace-node',
      '@opentelemetry/resources',
      '@opentelemetry/exporter-trace-otlp-proto',
      '@opentelemetry/exporter-trace-otlp-http',
      '@atlas-checkpoints/core',
      '@atlas-checkpoints/testkit',
    ]) {
      expect(externals).not.toContain(heavy);
    }
    for (const file of [
      'src/app/create-proxy.ts',
      'src/cache/redis-store.ts',
      'src/cache/memory-store.ts',
      'src/observability/logger.ts',
      'src/observability/tracing.ts',
      'src/server/shutdown.ts',
    ]) {
      expect(sources).not.toContain(file);
    }
    expect(dynamic).toContain('@atlas-checkpoints/testkit');
  });
});
