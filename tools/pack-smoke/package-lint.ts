import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { repoRoot } from '../release/workspace.js';

const run = promisify(execFile);

/**
 * publint on a packed tarball: every message (error, warning and suggestion), formatted.
 *
 * @example
 * expect(await publintTarball('/tmp/t/core.tgz')).toEqual([]);
 */
export async function publintTarball(tarball: string): Promise<string[]> {
  const bytes = await readFile(tarball);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: data }, level: 'suggestion' });
  return messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
}

interface AttwJson {
  analysis?: { problems?: Array<{ kind: string; entrypoint?: string; resolutionKind?: string }> };
}

/** The resolutions attw's `esm-only` profile ignores (a `require` of an ESM-only package). */
const ESM_ONLY_IGNORES = new Set(['node10', 'node16-cjs']);

/**
 * @arethetypeswrong/cli on a packed tarball with the `esm-only` profile (our packages ship no
 * CommonJS): the problems it reports, as `kind entrypoint (resolution)`.
 *
 * @example
 * expect(await attwTarball('/tmp/t/core.tgz')).toEqual([]);
 */
export async function attwTarball(tarball: string): Promise<string[]> {
  const attw = join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  const { stdout, code } = await run(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (ok) => ({ stdout: ok.stdout, code: 0 }),
    (error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', code: error.code ?? 1 }),
  );
  const result = JSON.parse(stdout) as AttwJson;
  const problems = (result.analysis?.problems ?? [])
    .filter((p) => p.resolutionKind === undefined || !ESM_ONLY_IGNORES.has(p.resolutionKind))
    .map((p) => `${p.kind} ${p.entrypoint ?? ''} (${p.resolutionKind ?? 'any'})`);
  return code !== 0 && problems.length === 0 ? [`attw exited ${code}`] : problems;
}
