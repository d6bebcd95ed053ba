import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The export condition that points workspace tooling at `src/`; it must never reach a tarball. */
export const SOURCE_CONDITION = '@atlas-checkpoints/source';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Returns a copy of an `exports` value without the source condition, at any depth.
 *
 * @example
 * stripSourceCondition({ '.': { '@atlas-checkpoints/source': './src/index.ts', import: './dist/index.js' } });
 * // → { '.': { import: './dist/index.js' } }
 */
export function stripSourceCondition(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripSourceCondition);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== SOURCE_CONDITION) out[key] = stripSourceCondition(inner);
  }
  return out;
}

/**
 * The package.json text to publish: the same manifest with the source condition removed from `exports`.
 *
 * @example
 * publishedManifest('{"name":"x","exports":{".":{"@atlas-checkpoints/source":"./src/index.ts","import":"./dist/index.js"}}}');
 */
export function publishedManifest(text: string): string {
  const manifest = JSON.parse(text) as { [key: string]: Json };
  if (manifest['exports'] !== undefined) manifest['exports'] = stripSourceCondition(manifest['exports']);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const backupDir = (pkgDir: string) => join(pkgDir, 'node_modules', '.atlas-pack-backup');

/**
 * `prepack`: back up package.json (once; a backup left by a failed pack is the original), write the
 * published manifest, and copy the root LICENSE into the package.
 *
 * @example
 * await prepack(process.cwd(), '/repo/LICENSE');
 */
export async function prepack(pkgDir: string, licensePath: string): Promise<void> {
  const backup = backupDir(pkgDir);
  const saved = join(backup, 'package.json');
  if (!(await exists(saved))) {
    await mkdir(backup, { recursive: true });
    await copyFile(join(pkgDir, 'package.json'), saved);
  }
  await writeFile(join(pkgDir, 'package.json'), publishedManifest(await readFile(saved, 'utf8')));
  const license = join(pkgDir, 'LICENSE');
  if (!(await exists(license))) {
    await copyFile(licensePath, license);
    await writeFile(join(backup, 'license-copied'), '');
  }
}

/**
 * `postpack`: restore package.json byte for byte and remove the LICENSE copy `prepack` made.
 *
 * @example
 * await postpack(process.cwd());
 */
export async function postpack(pkgDir: string): Promise<void> {
  const backup = backupDir(pkgDir);
  const saved = join(backup, 'package.json');
  if (await exists(saved)) await copyFile(saved, join(pkgDir, 'package.json'));
  if (await exists(join(backup, 'license-copied'))) await rm(join(pkgDir, 'LICENSE'), { force: true });
  await rm(backup, { recursive: true, force: true });
}

const here = dirname(fileURLToPath(import.meta.url));

async function main(step: string | undefined): Promise<void> {
  if (step === 'prepack') return prepack(process.cwd(), resolve(here, '../../LICENSE'));
  if (step === 'postpack') return postpack(process.cwd());
  throw new Error(`usage: pack-manifest.ts prepack|postpack (got ${String(step)})`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
