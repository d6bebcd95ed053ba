import { execFile } from 'node:child_process';
import { cp, mkdir, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { cleanEnv } from '../release/clean-env.js';
import { publishable, repoRoot } from '../release/workspace.js';

const run = promisify(execFile);

/** One packed tarball. */
export interface Packed {
  name: string;
  dir: string;
  tarball: string;
  /** Compressed bytes. */
  size: number;
  unpackedSize: number;
  files: string[];
  bin: Record<string, string>;
}

interface NpmPackJson {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

/**
 * Copies what `npm pack` needs (root manifest, LICENSE, tools/release, each publishable package
 * without node_modules) into `stage`, so packing runs the real prepack/postpack scripts without
 * touching the live workspace's package.json files while other tests run.
 *
 * @example
 * await stageWorkspace('/tmp/stage');
 */
export async function stageWorkspace(stage: string): Promise<void> {
  await mkdir(stage, { recursive: true });
  for (const file of ['package.json', 'LICENSE', 'tools/release']) {
    await cp(join(repoRoot, file), join(stage, file), { recursive: true });
  }
  for (const { dir } of publishable()) {
    await cp(join(repoRoot, dir), join(stage, dir), {
      recursive: true,
      filter: (src) => basename(src) !== 'node_modules',
    });
  }
  await symlink(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
}

/**
 * `npm pack` every publishable package of a staged workspace into `out`.
 *
 * @example
 * const packed = await packAll('/tmp/stage', '/tmp/tarballs');
 */
export async function packAll(stage: string, out: string): Promise<Packed[]> {
  await mkdir(out, { recursive: true });
  const packed: Packed[] = [];
  for (const { dir, manifest } of publishable(stage)) {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', out], {
      cwd: join(stage, dir),
      env: cleanEnv(),
      maxBuffer: 16 * 1024 * 1024,
    });
    const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as NpmPackJson[];
    if (info === undefined) throw new Error(`npm pack printed no result for ${dir}`);
    packed.push({
      name: manifest.name,
      dir,
      tarball: join(out, info.filename),
      size: info.size,
      unpackedSize: info.unpackedSize,
      files: info.files.map((f) => f.path),
      bin: manifest.bin ?? {},
    });
  }
  return packed;
}
