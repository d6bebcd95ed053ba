import { createHash } from 'node:crypto';
import type { ProxyToken } from '../auth/tokens-file.js';

/** A proxy token entry for a clear-text test token. */
export function tokenEntry(name: string, token: string, projects: string[]): ProxyToken {
  return { name, sha256: createHash('sha256').update(token).digest('hex'), projects };
}

/** Gets an OAuth access token from the fake Atlas (client credentials). */
export async function oauthToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}
