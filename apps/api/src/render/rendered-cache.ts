import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { hashText } from '../cache/entry.js';

/** Encodings the proxy stores beside the identity bytes. */
export type Encoding = 'identity' | 'gzip' | 'br';

/**
 * Where a rendered body came from: the store key and the ETag of the entry it was rendered from,
 * and the headers of the version it was rendered as (`Content-Type`, `Deprecation`, `Sunset`).
 */
export interface RenderSource {
  readonly storeKey: string;
  readonly entryEtag: string;
  readonly versionHeaders: Readonly<Record<string, string>>;
}

/**
 * A rendered body: identity bytes, compressed copies kept beside them, one strong ETag per
 * representation (RFC 9110 §8.8.3: the identity, gzip and br bytes are different representations,
 * so each has its own tag), and the entry it was rendered from (a hit checks the stored entry
 * still has that ETag before serving it).
 */
export interface RenderedBody extends RenderSource {
  readonly identity: Uint8Array<ArrayBuffer>;
  /** Strong ETags by encoding: `"<hash>"`, `"<hash>.gzip"`, `"<hash>.br"`. */
  readonly etags: Readonly<Record<Encoding, string>>;
  gzip?: Uint8Array<ArrayBuffer>;
  br?: Uint8Array<ArrayBuffer>;
}

/** Bodies smaller than this are never compressed. */
const MIN_COMPRESS_BYTES = 1024;

const NO_SOURCE: RenderSource = { storeKey: '', entryEtag: '', versionHeaders: {} };

/**
 * Builds a rendered body from JSON text, with a strong ETag per encoding derived from the hash of
 * its identity bytes.
 *
 * @example
 * const body = createRendered('{"results":[]}', { storeKey, entryEtag: entry.etag, versionHeaders });
 * body.etags.gzip // '"<hash>.gzip"'
 */
export function createRendered(text: string, source: RenderSource = NO_SOURCE): RenderedBody {
  const identity = Buffer.from(text);
  const hash = hashText(identity);
  return { ...source, identity, etags: { identity: `"${hash}"`, gzip: `"${hash}.gzip"`, br: `"${hash}.br"` } };
}

/**
 * Makes the gzip and brotli copies now (used when an entry is stored), so no request compresses.
 *
 * @example
 * compressAll(body); // body.gzip and body.br are set (bodies of 1 KB or more)
 */
export function compressAll(body: RenderedBody): RenderedBody {
  encodedBytes(body, 'gzip');
  encodedBytes(body, 'br');
  return body;
}

/**
 * The bytes to send for an encoding, compressing once and keeping the result on the body (so a
 * hit never compresses). Returns the encoding actually used.
 *
 * @example
 * const { bytes, encoding } = encodedBytes(body, 'gzip');
 */
export function encodedBytes(body: RenderedBody, wanted: Encoding): { bytes: Uint8Array<ArrayBuffer>; encoding: Encoding } {
  if (wanted === 'identity' || body.identity.byteLength < MIN_COMPRESS_BYTES)
    return { bytes: body.identity, encoding: 'identity' };
  if (wanted === 'gzip') {
    body.gzip ??= gzipSync(body.identity, { level: 6 });
    return { bytes: body.gzip, encoding: 'gzip' };
  }
  body.br ??= brotliCompressSync(body.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  return { bytes: body.br, encoding: 'br' };
}

/**
 * An LRU (bounded in bytes, compressed copies counted) of rendered bodies, keyed by request
 * variant: who asks and the URL asked for. A hit finds its bytes with this one lookup.
 *
 * @example
 * const cache = createRenderedCache(32 * 1024 * 1024);
 * const body = cache.get(key) ?? cache.put(key, createRendered(text, source));
 */
export function createRenderedCache(maxBytes: number) {
  const lru = new LRUCache<string, RenderedBody>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (body, key) => body.identity.byteLength * 2 + key.length + body.storeKey.length + 64,
  });
  return {
    get: (key: string) => lru.get(key),
    put(key: string, body: RenderedBody): RenderedBody {
      lru.set(key, body);
      return body;
    },
    clear: () => lru.clear(),
    bytes: () => lru.calculatedSize,
  };
}

/** The rendered-body cache. */
export type RenderedCache = ReturnType<typeof createRenderedCache>;
