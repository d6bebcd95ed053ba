/**
 * Start-up cost of every bin: `node <package>/<bin> --help` in fresh processes against `node -e 0`.
 * Needs built dists (`npm run build`). Usage: `npx tsx tools/release/startup.ts [runs]` (default 9).
 */
import { join } from 'node:path';
import { formatTimings, time } from './timing.js';
import { publishable, repoRoot } from './workspace.js';

const runs = Number(process.argv[2] ?? 9);
const timings = [time('node -e 0', process.execPath, ['-e', '0'], runs)];
for (const { dir, manifest } of publishable()) {
  for (const [name, path] of Object.entries(manifest.bin ?? {})) {
    timings.push(time(`${name} --help`, process.execPath, [join(dir, path), '--help'], runs, repoRoot));
  }
}
console.log(`node ${process.version}, ${runs} runs each\n${formatTimings(timings)}`);
