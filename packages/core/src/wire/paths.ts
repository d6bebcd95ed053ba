import type { Operation } from './operation.js';
import { OPERATION_LIST } from './operations.js';

/**
 * An operation's path template with each `{name}` written the way a router wants it.
 *
 * @example
 * routePattern(OPERATIONS.listGroupClusters, (name) => `:${name}`) // '/api/atlas/v2/groups/:groupId/clusters'
 */
export function routePattern(operation: Pick<Operation, 'path'>, parameter: (name: string) => string): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => parameter(name));
}

/**
 * The concrete path of an operation: each `{name}` replaced by its value, percent-encoded.
 * Values are not validated here (see `checkPathParameters`).
 *
 * @example
 * expandPath(OPERATIONS.listGroupClusters, { groupId: '32b6e34b3d91647abb20e7b8' }) // '/api/atlas/v2/groups/32b6…/clusters'
 */
export function expandPath(operation: Pick<Operation, 'path'>, values: Readonly<Record<string, string>>): string {
  return routePattern(operation, (name) => encodeURIComponent(values[name] ?? ''));
}

interface CompiledPath {
  readonly operation: Operation;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

const compiled: readonly CompiledPath[] = OPERATION_LIST.map((operation) => {
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1, -1));
      return '([^/]+)';
    })
    .join('');
  return { operation, regex: new RegExp(`^${source}$`), names };
});

/** An operation a request path addresses, with its (percent-decoded) path parameter values. */
export interface PathMatch {
  readonly operation: Operation;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * The operation whose path template a concrete path matches, or `undefined`. Segments are
 * percent-decoded (a malformed escape is kept as it is, so it fails validation later).
 *
 * @example
 * matchOperation('/api/atlas/v2/groups/abc/clusters')?.operation.operationId // 'listGroupClusters'
 */
export function matchOperation(pathname: string): PathMatch | undefined {
  for (const { operation, regex, names } of compiled) {
    const match = regex.exec(pathname);
    if (!match) continue;
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      const raw = match[i + 1] ?? '';
      try {
        values[name] = decodeURIComponent(raw);
      } catch {
        values[name] = raw;
      }
    });
    return { operation, values };
  }
  return undefined;
}
