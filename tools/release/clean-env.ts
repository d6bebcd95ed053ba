import { delimiter } from 'node:path';

/** Variables a package manager, Nx or Vitest sets for its children, which a new user's shell does not have. */
const INHERITED = /^(npm_|nx_|vitest|jest_worker_id$|init_cwd$|node_env$|node_options$|test$|mode$|prod$|dev$|base_url$|ssr$)/i;

/**
 * The environment of a fresh shell: the caller's, minus what npm scripts, Nx and Vitest add (so a
 * nested `npm ci` cannot pick up the outer workspace's prefix and a nested Nx cannot find the outer
 * workspace), minus `node_modules/.bin` entries on PATH, plus `NX_DAEMON=false` so nothing keeps
 * running after a command ends.
 *
 * @example
 * spawn('npm', ['ci'], { cwd: copy, env: cleanEnv() });
 */
export function cleanEnv(env: NodeJS.ProcessEnv = process.env, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !INHERITED.test(key)) out[key] = value;
  }
  const pathKey = Object.keys(out).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  out[pathKey] = (out[pathKey] ?? '')
    .split(delimiter)
    .filter((entry) => entry !== '' && !/node_modules[\\/]\.bin|node-gyp-bin/.test(entry))
    .join(delimiter);
  return { ...out, NX_DAEMON: 'false', ...extra };
}
