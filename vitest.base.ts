import { defaultServerConditions } from 'vite';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Sources resolve through the workspace's `@atlas-checkpoints/source` export condition: tests need
 * no build. Vitest hands these conditions to Node as `--conditions`, so they also steer `require`:
 * `module` is left out, or a CommonJS dependency (prom-client) requiring @opentelemetry/api gets its
 * bundler-only ESM build, whose extensionless imports Node cannot load.
 */
const conditions = ['@atlas-checkpoints/source', ...defaultServerConditions.filter((condition) => condition !== 'module')];

/**
 * The Vitest config of every project in the workspace (each `vitest.config.ts` calls it): sources
 * through the `@atlas-checkpoints/source` condition, tests beside the code (`src/**\/*.test.ts(x)`)
 * and under `test/`, 30 s test and hook timeouts.
 *
 * @example
 * export default projectConfig(); // in packages/core/vitest.config.ts
 * export default projectConfig({ include: ['**\/*.test.ts'] }); // in tools/vitest.config.ts
 */
export function projectConfig(test: { readonly include?: readonly string[] } = {}): ViteUserConfig {
  return defineConfig({
    ssr: { resolve: { conditions } },
    resolve: { conditions },
    test: {
      include: [...(test.include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'])],
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  });
}
