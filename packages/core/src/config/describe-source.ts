import type { FieldSource } from './types.js';

/**
 * One line saying where a value came from, for `--verbose` output. Never includes the value.
 *
 * @example
 * describeSource({ from: 'env', variable: 'MONGODB_ATLAS_CLIENT_ID' }) // 'env MONGODB_ATLAS_CLIENT_ID'
 */
export function describeSource(source: FieldSource): string {
  switch (source.from) {
    case 'flag':
      return `flag --${source.flag}`;
    case 'env':
      return `env ${source.variable}`;
    case 'profile':
      return `${source.key} in profile "${source.profile}" of ${source.path}`;
    case 'default':
      return 'default';
    default:
      return source satisfies never;
  }
}
