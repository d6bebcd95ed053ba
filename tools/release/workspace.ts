import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in tools/release/). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The parts of a package.json the release tooling reads. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: string[];
}

/** A workspace package: its directory relative to the root, and its manifest. */
export interface WorkspacePackage {
  dir: string;
  manifest: Manifest;
}

/**
 * Reads a package.json.
 *
 * @example
 * readManifest(join(repoRoot, 'packages/core')).name; // '@atlas-checkpoints/core'
 */
export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

const hasManifest = (dir: string) => statSync(join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile() === true;

/**
 * Every workspace package of the root package.json (`dir/*` globs and plain directories).
 *
 * @example
 * listWorkspace().filter((p) => !p.manifest.private).map((p) => p.dir); // ['packages/core', …]
 */
export function listWorkspace(root = repoRoot): WorkspacePackage[] {
  const dirs = (readManifest(root).workspaces ?? []).flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)))
          .sort()
          .map((name) => `${pattern.slice(0, -2)}/${name}`)
      : [pattern],
  );
  return dirs.filter((dir) => hasManifest(join(root, dir))).map((dir) => ({ dir, manifest: readManifest(join(root, dir)) }));
}

/**
 * The packages we publish (every non-private workspace package).
 *
 * @example
 * publishable().map((p) => p.manifest.name);
 */
export function publishable(root = repoRoot): WorkspacePackage[] {
  return listWorkspace(root).filter((p) => p.manifest.private !== true);
}
