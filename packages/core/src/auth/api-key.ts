import { randomBytes } from 'node:crypto';
import { ConfigError } from '../errors/index.js';
import { selectDigestChallenge, type DigestChallenge } from './digest-challenge.js';
import { digestAuthorization } from './digest-response.js';
import { safeDescription } from './safe-description.js';
import type { AtlasAuth, AuthRequest } from './types.js';

/** Options of {@link apiKey}. */
export interface ApiKeyOptions {
  /** The programmatic API key's public part (the Digest username). */
  readonly publicKey: string;
  /** The private part (the Digest password). Kept in a closure, never printed. */
  readonly privateKey: string;
}

const MAX_NC = 0xffffffff;
const REMEMBERED_FAILURES = 32;

/**
 * A programmatic API key, sent with HTTP Digest (RFC 7616: SHA-512-256, SHA-256 or MD5, `-sess`
 * variants, qop=auth). The first request goes out without credentials; the 401's challenge is kept
 * and every later request reuses its nonce with an incrementing `nc`. A new nonce or `stale=true`
 * earns one retry; a nonce that already failed (a wrong key) does not.
 *
 * @example
 * const client = createAtlasClient({ auth: apiKey({ publicKey: 'abcdefgh', privateKey: process.env.ATLAS_PRIVATE_KEY! }) });
 */
export function apiKey(options: ApiKeyOptions): AtlasAuth {
  const { publicKey, privateKey } = validate(options);
  let challenge: DigestChallenge | undefined;
  let nc = 0;
  /** The nonce each request was sent with (`null`: sent without credentials). */
  const sentWith = new WeakMap<AuthRequest, string | null>();
  const failedNonces: string[] = [];

  return {
    kind: 'apiKey',
    authorize(request) {
      if (!challenge || nc >= MAX_NC) {
        challenge = undefined; // an exhausted nonce: let the server issue a new one
        sentWith.set(request, null);
        return Promise.resolve(undefined);
      }
      nc += 1; // synchronous, so concurrent requests never share an nc
      sentWith.set(request, challenge.nonce);
      return Promise.resolve(
        digestAuthorization({
          challenge,
          username: publicKey,
          password: privateKey,
          method: request.method.toUpperCase(),
          uri: requestTarget(request.url),
          nc,
          cnonce: randomBytes(16).toString('hex'),
        }),
      );
    },
    handleUnauthorized(request, response) {
      const next = selectDigestChallenge(response.headers.get('www-authenticate') ?? '');
      if (!next) return Promise.resolve(false);
      const used = sentWith.has(request) ? sentWith.get(request) : challenge?.nonce;
      if (typeof used === 'string' && !failedNonces.includes(used)) {
        failedNonces.push(used);
        if (failedNonces.length > REMEMBERED_FAILURES) failedNonces.shift();
      }
      if (!next.stale && failedNonces.includes(next.nonce)) return Promise.resolve(false);
      if (challenge?.nonce !== next.nonce || next.stale) {
        challenge = next;
        nc = 0;
      }
      return Promise.resolve(true);
    },
    ...safeDescription({ kind: 'apiKey', publicKey }),
  };
}

/** Path and query of an absolute URL: the Digest `uri`. */
function requestTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

function validate(options: ApiKeyOptions): ApiKeyOptions {
  if (typeof options !== 'object' || options === null) throw new ConfigError('apiKey(options): options must be an object');
  if (typeof options.publicKey !== 'string' || options.publicKey.trim() === '') {
    throw new ConfigError('apiKey: publicKey must be a non-empty string');
  }
  if (typeof options.privateKey !== 'string' || options.privateKey === '') {
    throw new ConfigError('apiKey: privateKey must be a non-empty string');
  }
  return { publicKey: options.publicKey, privateKey: options.privateKey };
}
