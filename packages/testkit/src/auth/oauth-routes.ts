import type { Context, Hono } from 'hono';
import type { FakeEnv } from '../fake/context.js';
import type { TokenStore } from './token-store.js';
import type { FakeServiceAccount } from './types.js';

function oauthError(status: number, error: string, description: string): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="oauth"' } : {}),
    },
  });
}

/** RFC 6749 §2.3.1 form-decoding (`+` is a space); `undefined` for a malformed `%` escape. */
function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Client credentials from `Authorization: Basic` (or, per RFC 6749, the form body). Basic
 * credentials match as sent (what core and curl send) or form-decoded (what RFC 6749 asks);
 * a malformed escape is just a credential that matches nobody.
 */
function clientOf(c: Context, form: URLSearchParams, accounts: readonly FakeServiceAccount[]): FakeServiceAccount | undefined {
  const header = c.req.header('authorization') ?? '';
  const basic = /^basic\s+(.+)$/i.exec(header);
  if (!basic) {
    const id = form.get('client_id') ?? '';
    const secret = form.get('client_secret') ?? '';
    return accounts.find((account) => account.clientId === id && account.clientSecret === secret);
  }
  const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const rawId = decoded.slice(0, colon);
  const rawSecret = decoded.slice(colon + 1);
  const raw = accounts.find((account) => account.clientId === rawId && account.clientSecret === rawSecret);
  if (raw) return raw;
  const id = formDecode(rawId);
  const secret = formDecode(rawSecret);
  return accounts.find((account) => account.clientId === id && account.clientSecret === secret);
}

async function readForm(c: Context): Promise<URLSearchParams> {
  try {
    return new URLSearchParams(await c.req.text());
  } catch {
    return new URLSearchParams();
  }
}

/**
 * Serves `POST /api/oauth/token` (client credentials, Basic auth) and `POST /api/oauth/revoke`.
 *
 * @example
 * mountOAuthRoutes(app, [{ clientId: 'mdb_sa_id_1', clientSecret: 'mdb_sa_sk_1' }], createTokenStore(3600, Date.now));
 */
export function mountOAuthRoutes(app: Hono<FakeEnv>, accounts: readonly FakeServiceAccount[], tokens: TokenStore): void {
  app.post('/api/oauth/token', async (c) => {
    const form = await readForm(c);
    const account = clientOf(c, form, accounts);
    if (!account) return oauthError(401, 'invalid_client', 'Invalid client credentials.');
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
    }
    const { token, expiresIn } = tokens.issue(account);
    return new Response(JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' }), {
      status: 200,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  });
  app.post('/api/oauth/revoke', async (c) => {
    const form = await readForm(c);
    const account = clientOf(c, form, accounts);
    if (!account) return oauthError(401, 'invalid_client', 'Invalid client credentials.');
    const token = form.get('token');
    if (!token) return oauthError(400, 'invalid_request', 'The token parameter is required.');
    tokens.revoke(token, account.clientId);
    return new Response(null, { status: 200 });
  });
}
