import type { AtlasAuth } from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The public, secret-free description of a strategy: its kind and at most a public identifier. */
export type AuthDescription = { kind: AtlasAuth['kind'] } & Record<string, string>;

/** The methods every strategy carries so that printing it never shows a secret. */
export interface SafeDescriptionMethods {
  toJSON(): AuthDescription;
  toString(): string;
  [INSPECT](): string;
}

/**
 * Builds `toJSON`, `toString` and the `util.inspect` hook from a description that holds no secret.
 * Strategies keep their secrets in closures, so these three are the only ways they print.
 *
 * @example
 * const auth = { kind: 'apiKey', ...safeDescription({ kind: 'apiKey', publicKey: 'abcd' }) };
 * String(auth) // 'AtlasAuth(apiKey publicKey=abcd)'
 */
export function safeDescription(description: AuthDescription): SafeDescriptionMethods {
  const frozen = Object.freeze({ ...description });
  const text = () => {
    const extras = Object.entries(frozen)
      .filter(([key]) => key !== 'kind')
      .map(([key, value]) => ` ${key}=${value}`)
      .join('');
    return `AtlasAuth(${frozen.kind}${extras})`;
  };
  return {
    toJSON: () => ({ ...frozen }),
    toString: text,
    [INSPECT]: text,
  };
}
