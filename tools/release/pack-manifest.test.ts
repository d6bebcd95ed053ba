import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SOURCE_CONDITION, postpack, prepack, publishedManifest, stripSourceCondition } from './pack-manifest.js';

const original = `${JSON.stringify(
  {
    name: '@atlas-checkpoints/x',
    exports: {
      '.': { [SOURCE_CONDITION]: './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' },
      './package.json': './package.json',
    },
    scripts: { prepack: 'p' },
  },
  null,
  4, // deliberately not the 2-space style: postpack must restore bytes, not re-serialise
)}\n`;

describe('stripSourceCondition', () => {
  it('drops the source condition at any depth and keeps everything else in order', () => {
    const nested = {
      '.': { node: { [SOURCE_CONDITION]: 'a', import: 'b' }, default: 'c' },
      './x': ['d', { [SOURCE_CONDITION]: 'e' }],
    };
    expect(stripSourceCondition(nested)).toEqual({ '.': { node: { import: 'b' }, default: 'c' }, './x': ['d', {}] });
  });

  it('leaves a manifest without exports alone', () => {
    expect(JSON.parse(publishedManifest('{"name":"a","main":"x.js"}'))).toEqual({ name: 'a', main: 'x.js' });
  });
});

describe('prepack / postpack', () => {
  let dir: string;
  let license: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pack-manifest-'));
    license = join(dir, 'ROOT-LICENSE');
    await writeFile(license, 'Apache');
    await writeFile(join(dir, 'package.json'), original);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('publishes without the source condition, with a LICENSE, then restores the exact bytes', async () => {
    await prepack(dir, license);
    const packed = await readFile(join(dir, 'package.json'), 'utf8');
    expect(packed).not.toContain(SOURCE_CONDITION);
    expect((JSON.parse(packed) as { exports: Record<string, unknown> }).exports['.']).toEqual({
      types: './dist/index.d.ts',
      import: './dist/index.js',
    });
    expect(await readFile(join(dir, 'LICENSE'), 'utf8')).toBe('Apache');

    await postpack(dir);
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe(original);
    await expect(stat(join(dir, 'LICENSE'))).rejects.toThrow();
    await expect(stat(join(dir, 'node_modules', '.atlas-pack-backup'))).rejects.toThrow();
  });

  it('recovers the original after a pack that failed between prepack and postpack', async () => {
    await prepack(dir, license);
    await prepack(dir, license); // the retry must not back up the stripped manifest
    await postpack(dir);
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe(original);
  });

  it('keeps a LICENSE the package already had', async () => {
    await writeFile(join(dir, 'LICENSE'), 'own');
    await prepack(dir, license);
    await postpack(dir);
    expect(await readFile(join(dir, 'LICENSE'), 'utf8')).toBe('own');
  });
});
