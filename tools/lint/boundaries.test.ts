import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The package boundaries of DESIGN.md "Dependency rules", proven through ESLint's Node API against the
// workspace's own eslint.config.js: each snippet is linted as if it were the named file. Type-aware rules
// are off here (the files do not exist); the boundary rules need no types.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', '@typescript-eslint/no-restricted-imports']);

/** The boundary messages ESLint reports for `code` at `filePath` (relative to the repository root). */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error(`no lint result for ${filePath}`);
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return result.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const staticImport = (pkg: string) => `import { x } from '@atlas-checkpoints/${pkg}';\nexport const y = x;\n`;
const lazyImport = (pkg: string) => `export const load = async () => await import('@atlas-checkpoints/${pkg}');\n`;

describe('package boundaries (DESIGN.md "Dependency rules")', () => {
  it.each([
    ['packages/core/src/x.ts', 'testkit'],
    ['packages/core/src/x.test.ts', 'testkit'],
    ['packages/core/test/x.test.ts', 'api'],
    ['packages/testkit/src/x.ts', 'api'],
    ['packages/testkit/src/x.ts', 'tui'],
    ['packages/testkit/test/contract/x.test.ts', 'tools'],
    ['apps/tui/src/x.ts', 'api'],
    ['apps/api/src/x.ts', 'tui'],
    ['apps/api/src/x.test.ts', 'tui'],
    ['apps/tui/src/cli/run.ts', 'testkit'],
    ['apps/api/src/app/create-proxy.ts', 'testkit'],
    ['apps/tui/src/cli/demo.ts', 'testkit'],
    ['apps/api/src/cli/main.ts', 'testkit'],
  ])('%s may not import @atlas-checkpoints/%s', async (file, pkg) => {
    expect(await boundaryErrors(staticImport(pkg), file)).toEqual([expect.stringContaining('Dependency rules')]);
  });

  it.each([
    ['packages/core/src/x.ts', 'testkit'],
    ['packages/testkit/src/x.ts', 'api'],
    ['apps/tui/src/cli/commands/x.ts', 'testkit'],
    ['apps/api/src/x.ts', 'tui'],
    ['apps/tui/src/cli/demo.ts', 'api'],
  ])('%s may not load @atlas-checkpoints/%s lazily either', async (file, pkg) => {
    expect(await boundaryErrors(lazyImport(pkg), file)).toEqual([expect.stringContaining('Dependency rules')]);
  });

  it.each([
    ['type-only import', `import type { X } from '@atlas-checkpoints/testkit';\nexport type Y = X;\n`],
    ['re-export', `export * from '@atlas-checkpoints/testkit';\n`],
    ['subpath', `import '@atlas-checkpoints/testkit/package.json';\n`],
  ])('core may not reach testkit by a %s', async (_kind, code) => {
    expect(await boundaryErrors(code, 'packages/core/src/x.ts')).toHaveLength(1);
  });

  it.each([
    ['packages/testkit/src/x.ts', staticImport('core')],
    ['apps/tui/src/x.ts', staticImport('core')],
    ['apps/api/src/x.ts', staticImport('core')],
    ['apps/tui/src/cli/demo.ts', lazyImport('testkit')],
    ['apps/api/src/cli/main.ts', lazyImport('testkit')],
    ['apps/api/src/x.test.ts', staticImport('testkit')],
    ['apps/api/src/test-helpers/setup.ts', staticImport('testkit')],
    ['apps/tui/test/commands.test.ts', staticImport('testkit')],
    ['tools/bench/x.ts', staticImport('api')],
    ['tools/bench/x.ts', staticImport('tui')],
  ])('%s may import what the rules allow', async (file, code) => {
    expect(await boundaryErrors(code, file)).toEqual([]);
  });

  it.each([
    ['packages/core/src/x.ts', '../../testkit/src/index.js'],
    ['packages/core/src/client/x.ts', '../../../testkit/src/index.js'],
    ['packages/core/x.ts', '../testkit/src/index.js'],
    ['apps/tui/src/ui/x.ts', '../../../api/src/index.js'],
    ['apps/api/src/x.test.ts', '../../../packages/testkit/src/index.js'],
    ['tools/bench/proxy/x.ts', '../../../apps/api/src/index.js'],
    ['tools/x.ts', '../packages/core/src/index.js'],
    ['packages/testkit/src/fake/x.ts', './../../..'],
  ])('%s may not climb out of its package with %s', async (file, specifier) => {
    expect(await boundaryErrors(`import '${specifier}';\n`, file)).toEqual([expect.stringContaining('by its name')]);
  });

  it.each([
    ['packages/core/src/client/x.ts', '../../index.js'],
    ['packages/core/src/x.ts', '../package.json'],
    ['apps/tui/src/cli/commands/x.ts', '../../format/columns.js'],
    ['tools/bench/proxy/x.ts', '../../release/timing.js'],
    ['packages/core/vitest.config.ts', '../../vitest.base.js'],
  ])('%s may import %s, inside its package', async (file, specifier) => {
    expect(await boundaryErrors(`import '${specifier}';\n`, file)).toEqual([]);
  });

  // Each package.json declares exactly the packages of ours its code may import (tests included).
  const PROJECTS = [
    { root: 'packages/core', probes: ['src/x.ts', 'src/x.test.ts'] },
    { root: 'packages/testkit', probes: ['src/x.ts', 'src/x.test.ts'] },
    { root: 'apps/tui', probes: ['src/x.ts', 'src/cli/demo.ts', 'src/x.test.ts'] },
    { root: 'apps/api', probes: ['src/x.ts', 'src/cli/main.ts', 'src/x.test.ts'] },
    { root: 'tools', probes: ['x.ts'] },
  ];
  const OURS = ['core', 'testkit', 'tui', 'api', 'tools'];

  it.each(PROJECTS)('$root/package.json declares what the rules let it import', async ({ root, probes }) => {
    const manifest = JSON.parse(readFileSync(new URL(`../../${root}/package.json`, import.meta.url), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
      .filter((name) => name.startsWith('@atlas-checkpoints/'))
      .map((name) => name.slice('@atlas-checkpoints/'.length))
      .sort();
    const allowed: string[] = [];
    for (const pkg of OURS.filter((p) => `@atlas-checkpoints/${p}` !== manifest.name)) {
      for (const probe of probes) {
        const file = `${root}/${probe}`;
        if (
          (await boundaryErrors(staticImport(pkg), file)).length === 0 ||
          (await boundaryErrors(lazyImport(pkg), file)).length === 0
        ) {
          allowed.push(pkg);
          break;
        }
      }
    }
    expect(declared).toEqual(allowed.sort());
  });
});
