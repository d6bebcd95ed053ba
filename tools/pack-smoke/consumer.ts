import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanEnv } from '../release/clean-env.js';
import { readManifest, repoRoot } from '../release/workspace.js';

const run = promisify(execFile);

/** The consumer's own files: a runtime check in plain ESM and a type check in TypeScript. */
const files = {
  'package.json': JSON.stringify({ name: 'pack-smoke-consumer', private: true, type: 'module' }, null, 2),
  'tsconfig.nodenext.json': JSON.stringify({
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
    files: ['types.ts'],
  }),
  'tsconfig.bundler.json': JSON.stringify({
    compilerOptions: {
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
    files: ['types.ts'],
  }),
};

/**
 * Creates a project outside the workspace and installs the tarballs (plus @types/node, at the
 * workspace's version) from the registry the way a user would.
 *
 * @example
 * await createConsumer('/tmp/consumer', ['/tmp/t/core.tgz']);
 */
export async function createConsumer(dir: string, tarballs: string[]): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), `${text}\n`);
  for (const name of ['runtime.mjs', 'types.ts']) {
    await writeFile(join(dir, name), await readFile(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8'));
  }
  const typesNode = readManifest(repoRoot).devDependencies?.['@types/node'] ?? '20';
  await run('npm', ['install', '--no-audit', '--no-fund', ...tarballs, `@types/node@${typesNode}`], {
    cwd: dir,
    env: cleanEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Runs the workspace's TypeScript compiler on the consumer with one of its tsconfigs.
 *
 * @example
 * await typecheckConsumer('/tmp/consumer', 'bundler');
 */
export async function typecheckConsumer(dir: string, mode: 'nodenext' | 'bundler'): Promise<void> {
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`], { cwd: dir });
}
