import { describe, expect, it } from 'vitest';
import { runBin } from './bin-helpers.js';

describe('browser flags (the built bin)', () => {
  it('rejects a --refresh that is not a duration of at least 1s, naming the flag (exit 2)', async () => {
    const result = await runBin(['--demo', '--refresh', '10ms']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--refresh must be a duration of at least 1s');
  });

  it('lists --refresh in the help', async () => {
    const result = await runBin(['--help']);
    expect(result.stdout).toMatch(/--refresh <duration>\s+re-read the list on screen/);
  });
});
