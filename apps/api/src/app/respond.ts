import { canonicalQuery, parseQuery, versionHeaders, type WireRequest } from '@atlas-checkpoints/core';
import { cacheStatus, type CacheOutcome } from '../cache/cache-status.js';
import type { Coordinator, Fetcher } from '../cache/coordinator.js';
import type { CacheEntry } from '../cache/entry.js';
import { ageSeconds } from '../cache/freshness.js';
import { routeOfKey } from '../cache/keys.js';
import { errorAnswer } from '../http/proxy-errors.js';
import { pickEncoding } from '../render/accept-encoding.js';
import type { DocCache } from '../render/doc-cache.js';
import { renderEntry } from '../render/render-body.js';
import { compressAll, createRendered, encodedBytes, type RenderedBody, type RenderedCache } from '../render/rendered-cache.js';

/** One cached answer to serve. */
export interface ServeSpec {
  /** The store key of the entry (see `cacheKey`). */
  readonly key: string;
  readonly fetcher: Fetcher;
  /** The validated request the answer is rendered for. */
  readonly request: WireRequest;
  /** The entry is a whole list, sliced per request. */
  readonly snapshot: boolean;
  /** List item filter (e.g. the projects a proxy token may see). */
  readonly allow?: ((item: unknown) => boolean) | undefined;
}

/** What a hit needs from the request. */
export interface HitFacts {
  readonly ifNoneMatch: string | undefined;
  readonly acceptEncoding: string | undefined;
  readonly head: boolean;
  /** Written as `X-Request-Id` when set (the hit path sets it with the other headers; elsewhere the server does). */
  readonly requestId?: string | undefined;
}

/**
 * A cached answer as the parts every server writes: `Content-Length` is among the headers of a
 * 200 (HEAD included), and a 304 has no body.
 */
export interface Answer {
  readonly status: 200 | 304;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array<ArrayBuffer> | null;
}

/** A hit: the answer, and the route (operationId) of the rendering it served, for logs and metrics. */
export interface Hit {
  readonly answer: Answer;
  readonly route: string;
}

/**
 * `answer` as a `Response`. On @hono/node-server (its lightweight `Response`), bytes or a string
 * are written as they are; a HEAD's empty string keeps it on that path, and its `Content-Length`
 * is the one given. A 304's body stays null: an empty string would add `Content-Length: 0`.
 */
export function answerResponse(answer: Answer): Response {
  const body = answer.body ?? (answer.status === 304 ? null : '');
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/** The request facts a response depends on. */
export interface RequestFacts extends HitFacts {
  /** The origin links point at (validated). */
  readonly origin: string;
  /** Who asks, the origin and the normalised request: the rendered-body key of this request's variant. */
  readonly variant: string;
  /** The same for the list's default page (filters kept, paging and rendering at their defaults). */
  readonly variantBase: string;
}

/**
 * Serves cached answers. `respond` looks the key up (filling it from upstream if needed) and
 * renders the request's variant once; `hit` serves a variant rendered before, with one rendered
 * lookup and one store lookup (synchronous on the memory store), when its entry is still fresh
 * and unchanged. Variants are keyed by the normalised request (operation, API version, path
 * values, query values that differ from their defaults), never by the URL as typed. Every header
 * is set here (`Content-Type` naming the version, `Deprecation`/`Sunset`, `ETag`, `Age`,
 * `Cache-Status`, `Vary`, `Cache-Control: private`, `Content-Encoding`), `304` answers a matching `If-None-Match`, and
 * stored bytes are sent as they are.
 *
 * Compression: a body rendered from a per-request entry (a page, one checkpoint), and the default
 * page of a snapshot (rendered as soon as the snapshot is stored), get their gzip and brotli
 * copies when rendered, before the first answer. Other snapshot pages are compressed once, on
 * first use of each encoding. No request ever compresses bytes already compressed.
 *
 * @example
 * const responder = createResponder({ coordinator, rendered, docs, now, upstreamOrigin });
 * const fast = await responder.hit(variant, facts); // fast?.answer; or: (await responder.respond(spec, facts)).response
 */
export function createResponder(ctx: {
  coordinator: Coordinator;
  rendered: RenderedCache;
  /** Parsed entry documents, bounded in bytes. */
  docs: DocCache;
  now: () => number;
  upstreamOrigin: string;
}) {
  const render = (spec: ServeSpec, entry: CacheEntry, request: WireRequest, origin: string, eager: boolean) => {
    const text = renderEntry({
      entry,
      request,
      snapshot: spec.snapshot,
      origin,
      upstreamOrigin: ctx.upstreamOrigin,
      allow: spec.allow,
      docs: ctx.docs,
    });
    const body = createRendered(text, {
      storeKey: spec.key,
      entryEtag: entry.etag,
      versionHeaders: versionHeaders(request.operation, request.version),
    });
    return eager ? compressAll(body) : body;
  };

  const respond = async (spec: ServeSpec, facts: RequestFacts): Promise<{ response: Response; outcome: CacheOutcome }> => {
    const { entry, outcome } = await ctx.coordinator.lookup(spec.key, spec.fetcher);
    if (entry.kind === 'error') {
      const age = String(ageSeconds(entry, ctx.now()));
      return {
        response: errorAnswer(entry.status, JSON.parse(entry.body), { age, 'cache-status': cacheStatus(outcome) }),
        outcome,
      };
    }
    let body = ctx.rendered.get(facts.variant);
    if (body?.entryEtag !== entry.etag || body.storeKey !== spec.key) {
      const isDefault = facts.variant === facts.variantBase;
      body = ctx.rendered.put(facts.variant, render(spec, entry, spec.request, facts.origin, !spec.snapshot || isDefault));
      if (spec.snapshot && !isDefault && outcome.stored) {
        const { operation } = spec.request;
        const query = parseQuery(operation, new URLSearchParams(canonicalQuery(operation, spec.request.query, ['filter'])));
        ctx.rendered.put(facts.variantBase, render(spec, entry, { ...spec.request, query }, facts.origin, true));
      }
    }
    return { response: answerResponse(serve(body, entry, cacheStatus(outcome), ctx.now(), facts)), outcome };
  };

  const hit = (variant: string, facts: HitFacts): Hit | undefined | Promise<Hit | undefined> => {
    const body = ctx.rendered.get(variant);
    if (!body) return undefined;
    const fresh = ctx.coordinator.fresh(body.storeKey, body.entryEtag);
    if (fresh instanceof Promise)
      return fresh.then(
        (found) =>
          found && {
            answer: serve(body, found.entry, cacheStatus(found.outcome), ctx.now(), facts),
            route: routeOfKey(body.storeKey),
          },
      );
    return (
      fresh && {
        answer: serve(body, fresh.entry, cacheStatus(fresh.outcome), ctx.now(), facts),
        route: routeOfKey(body.storeKey),
      }
    );
  };

  return { respond, hit };
}

/** The responder returned by {@link createResponder}. */
export type Responder = ReturnType<typeof createResponder>;

function serve(body: RenderedBody, entry: CacheEntry, status: string, now: number, facts: HitFacts): Answer {
  const { bytes, encoding } = encodedBytes(body, pickEncoding(facts.acceptEncoding));
  const etag = body.etags[encoding];
  // One fresh plain object per answer: @hono/node-server and Node's writeHead take it as it is.
  // Object.assign, not `{ ...versionHeaders, etag, … }`: V8 (Node 20) builds a spread followed by
  // more properties through its runtime, about 2.5 µs per object, half a 6 KB hit's own work.
  const headers: Record<string, string> = Object.assign(
    {
      etag,
      age: String(ageSeconds(entry, now)),
      'cache-status': status,
      vary: 'Accept, Accept-Encoding',
      // Answers differ by principal (partition, a token's projects): a shared cache in front must not keep them.
      'cache-control': 'private',
    },
    body.versionHeaders,
  );
  if (facts.requestId !== undefined) headers['x-request-id'] = facts.requestId;
  // A 304 has no body and no Content-Length at all: RFC 9110 forbids `Content-Length: 0` there
  // (and the 200's length makes undici, hence Node's fetch, fail the response). A HEAD gets the
  // GET's Content-Length and no body.
  if (facts.ifNoneMatch !== undefined && matchesEtag(facts.ifNoneMatch, etag)) return { status: 304, headers, body: null };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String(bytes.byteLength);
  return { status: 200, headers, body: facts.head ? null : bytes };
}

/**
 * Whether an `If-None-Match` value matches the ETag of the representation being served: `*`, or
 * any listed tag by the weak comparison RFC 9110 §13.1.2 prescribes for `If-None-Match`.
 */
function matchesEtag(header: string, etag: string): boolean {
  if (header === etag || header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
