import { AtlasRequestError, ResponseShapeError } from '../errors/index.js';
import { tokenEndpointError } from './token-endpoint-error.js';

/** How a strategy reaches Atlas's OAuth endpoints: the client's transport and base URL. */
export interface TokenEndpointCall {
  readonly fetch: typeof globalThis.fetch;
  readonly baseUrl: string;
  readonly signal?: AbortSignal | undefined;
  readonly userAgent?: string | undefined;
}

/** A token as Atlas issued it. `expiresInMs` is undefined when Atlas did not say. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresInMs: number | undefined;
}

/**
 * `POST {baseUrl}/api/oauth/token` with the client-credentials grant.
 *
 * @param basic the full `Basic …` header value.
 * @param secrets values scrubbed from any error text.
 * @example
 * const { accessToken } = await requestToken({ fetch, baseUrl }, basicHeader, [clientSecret]);
 */
export async function requestToken(call: TokenEndpointCall, basic: string, secrets: readonly string[]): Promise<IssuedToken> {
  const url = endpoint(call.baseUrl, 'token');
  const response = await postForm(call, url, basic, 'grant_type=client_credentials', secrets);
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ResponseShapeError({ path: '', expected: 'a JSON token document', url, cause });
  }
  return parseTokenDocument(body, url);
}

/**
 * `POST {baseUrl}/api/oauth/revoke` for an access token.
 *
 * @example
 * await revokeToken({ fetch, baseUrl }, basicHeader, token, [clientSecret, token]);
 */
export async function revokeToken(
  call: TokenEndpointCall,
  basic: string,
  token: string,
  secrets: readonly string[],
): Promise<void> {
  const form = new URLSearchParams({ token, token_type_hint: 'access_token' }).toString();
  const response = await postForm(call, endpoint(call.baseUrl, 'revoke'), basic, form, secrets);
  await response.body?.cancel();
}

function endpoint(baseUrl: string, name: 'token' | 'revoke'): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/oauth/${name}`;
}

async function postForm(
  call: TokenEndpointCall,
  url: string,
  basic: string,
  body: string,
  secrets: readonly string[],
): Promise<Response> {
  const headers: Record<string, string> = {
    Authorization: basic,
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (call.userAgent) headers['User-Agent'] = call.userAgent;
  let response: Response;
  try {
    response = await call.fetch(url, { method: 'POST', headers, body, signal: call.signal ?? null });
  } catch (cause) {
    throw new AtlasRequestError({ method: 'POST', url, kind: failureKind(cause, call.signal), cause });
  }
  if (!response.ok) throw await tokenEndpointError(response, url, secrets);
  return response;
}

function failureKind(cause: unknown, signal: AbortSignal | undefined): 'network' | 'timeout' | 'aborted' {
  if (cause instanceof Error && cause.name === 'TimeoutError') return 'timeout';
  if (signal?.aborted || (cause instanceof Error && cause.name === 'AbortError')) return 'aborted';
  return 'network';
}

function parseTokenDocument(body: unknown, url: string): IssuedToken {
  if (typeof body !== 'object' || body === null) {
    throw new ResponseShapeError({ path: '', expected: 'object', url });
  }
  const doc = body as Record<string, unknown>;
  if (typeof doc['access_token'] !== 'string' || !/^[A-Za-z0-9\-._~+/]+=*$/.test(doc['access_token'])) {
    throw new ResponseShapeError({ path: '/access_token', expected: 'a bearer token string', url });
  }
  const tokenType = doc['token_type'];
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
    throw new ResponseShapeError({ path: '/token_type', expected: '"Bearer"', url });
  }
  const expiresIn = doc['expires_in'];
  if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0)) {
    throw new ResponseShapeError({ path: '/expires_in', expected: 'a positive number of seconds', url });
  }
  return { accessToken: doc['access_token'], expiresInMs: expiresIn === undefined ? undefined : expiresIn * 1000 };
}
