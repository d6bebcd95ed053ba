import { cacheStatus, type CacheOutcome } from '../cache/cache-status.js';
import type { Coordinator, Fetcher } from '../cache/coordinator.js';
import { entryDoc } from '../cache/entry.js';
import { ageSeconds } from '../cache/freshness.js';
import { renderApiError, SUCCESS_CONTENT_TYPE } from '../http/api-error.js';
import type { ListParams, RenderFlags } from '../http/params.js';
import { pickEncoding } from '../render/accept-encoding.js';
import { renderBody } from '../render/render-body.js';
import { createRendered, encodedBytes, type RenderedCache } from '../render/rendered-cache.js';

/** One cached answer to serve. */
export interface ServeSpec {
  readonly key: string;
  readonly fetcher: Fetcher;
  readonly shape: 'list' | 'resource';
  readonly flags: RenderFlags;
  readonly list?: ListParams | undefined;
  /** Snapshot item filter and a stable name for it (part of the rendered-body key). */
  readonly allow?: ((item: unknown) => boolean) | undefined;
  readonly allowKey?: string | undefined;
}

/** The request facts a response depends on. */
export interface RequestFacts {
  readonly path: string;
  readonly search: string;
  readonly origin: string;
  readonly ifNoneMatch: string | undefined;
  readonly acceptEncoding: string | undefined;
  readonly head: boolean;
}

/**
 * Serves a cached answer: looks the key up (filling it from upstream if needed), renders the
 * variant once (kept in the rendered-body LRU with its compressed copies), and answers with every
 * header set here: `Content-Type`, `ETag`, `Age`, `Cache-Status`, `Vary`, and `304` for a
 * matching `If-None-Match`. Stored bytes are sent as they are.
 *
 * @example
 * const respond = createResponder({ coordinator, rendered, now, upstreamOrigin });
 * return respond(spec, facts);
 */
export function createResponder(ctx: { coordinator: Coordinator; rendered: RenderedCache; now: () => number; upstreamOrigin: string }) {
  return async (spec: ServeSpec, facts: RequestFacts): Promise<{ response: Response; outcome: CacheOutcome }> => {
    const { entry, outcome } = await ctx.coordinator.lookup(spec.key, spec.fetcher);
    const age = String(ageSeconds(entry, ctx.now()));
    const status = cacheStatus(outcome);
    if (entry.kind === 'error') {
      return { response: renderApiError(entry.status, entryDoc(entry), { age, 'cache-status': status }), outcome };
    }
    const renderKey = `${spec.key}|${entry.etag}|${facts.origin}|${facts.search}|${spec.allowKey ?? ''}`;
    let body = ctx.rendered.get(renderKey);
    if (!body) {
      const text = renderBody({
        entry,
        shape: spec.shape,
        flags: spec.flags,
        list: spec.list,
        path: facts.path,
        search: facts.search,
        origin: facts.origin,
        upstreamOrigin: ctx.upstreamOrigin,
        allow: spec.allow,
      });
      body = ctx.rendered.put(renderKey, createRendered(text));
    }
    const headers: Record<string, string> = {
      'content-type': SUCCESS_CONTENT_TYPE,
      etag: body.etag,
      age,
      'cache-status': status,
      vary: 'Accept-Encoding',
    };
    if (facts.ifNoneMatch !== undefined && matchesEtag(facts.ifNoneMatch, body.etag)) {
      return { response: new Response(null, { status: 304, headers }), outcome };
    }
    const { bytes, encoding } = encodedBytes(body, pickEncoding(facts.acceptEncoding));
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    return { response: new Response(facts.head ? null : bytes, { status: 200, headers }), outcome };
  };
}

/** Whether an `If-None-Match` value matches an ETag (`*`, a list, weak forms). */
export function matchesEtag(header: string, etag: string): boolean {
  if (header === etag || header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
