import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWorkspace, publishable, readManifest, repoRoot } from './workspace.js';

const run = promisify(execFile);
const internal = (deps: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(deps ?? {}).filter(([name]) => name.startsWith('@atlas-checkpoints/')));

describe('changeset version on a copy of the workspace', () => {
  let copy: string;
  const names = publishable().map((p) => p.manifest.name);

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'changeset-version-'));
    await cp(join(repoRoot, 'package.json'), join(copy, 'package.json'));
    await cp(join(repoRoot, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const { dir } of listWorkspace()) {
      await mkdir(join(copy, dir), { recursive: true });
      await cp(join(repoRoot, dir, 'package.json'), join(copy, dir, 'package.json'));
    }
    await symlink(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
    // One patch changeset for core alone: the fixed group must still move all four together
    // (and the test keeps working after a release has consumed the committed changesets).
    await writeFile(join(copy, '.changeset/only-core.md'), "---\n'@atlas-checkpoints/core': patch\n---\n\nA fix.\n");
    await run(process.execPath, [join(repoRoot, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: copy });
  }, 60_000);
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it('groups all four packages in one fixed group', async () => {
    const config = JSON.parse(await readFile(join(repoRoot, '.changeset/config.json'), 'utf8')) as { fixed: string[][] };
    expect(names).toHaveLength(4);
    expect(config.fixed).toHaveLength(1);
    expect([...(config.fixed[0] ?? [])].sort()).toEqual([...names].sort());
  });

  it('bumps every published package to one new version', () => {
    const before = new Set(publishable().map((p) => p.manifest.version));
    const after = new Set(publishable(copy).map((p) => p.manifest.version));
    expect(after.size).toBe(1);
    expect(before.has([...after][0] ?? '')).toBe(false);
  });

  it('moves every internal dependency (tools included) to that exact version', () => {
    const [version] = publishable(copy).map((p) => p.manifest.version);
    for (const { dir } of listWorkspace(copy)) {
      const manifest = readManifest(join(copy, dir));
      for (const range of Object.values({ ...internal(manifest.dependencies), ...internal(manifest.devDependencies) })) {
        expect(range, `${dir} depends on ${range}`).toBe(version);
      }
    }
  });

  it('writes a CHANGELOG.md per package and consumes the changesets', async () => {
    for (const { dir, manifest } of publishable(copy)) {
      const changelog = await readFile(join(copy, dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`# ${manifest.name}`);
      expect(changelog).toContain(`## ${manifest.version}`);
    }
    expect((await readdir(join(copy, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
  });
});
