import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['@atlas-checkpoints/source', ...defaultServerConditions] } },
  resolve: { conditions: ['@atlas-checkpoints/source', ...defaultServerConditions] },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
