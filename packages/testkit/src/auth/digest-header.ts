const PARAM = /([a-zA-Z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;

/**
 * Parses the parameters of an `Authorization: Digest …` header (quoted or bare values).
 *
 * @example
 * parseDigestHeader('Digest username="pub", nc=00000001').nc; // '00000001'
 */
export function parseDigestHeader(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  const rest = header.replace(/^\s*digest\s+/i, '');
  for (const match of rest.matchAll(PARAM)) {
    const key = (match[1] ?? '').toLowerCase();
    params[key] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
  }
  return params;
}

/** The `WWW-Authenticate` challenge Atlas sends (RFC 7616; MD5 offered, SHA-256 accepted). */
export function digestChallenge(nonce: string, stale: boolean): string {
  return `Digest realm="MMS Public API", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=${stale}`;
}
