/** One challenge from a `WWW-Authenticate` header (RFC 7235 §4.1). */
export interface AuthChallenge {
  /** The auth scheme, lower case (`digest`, `basic`, `bearer`, …). */
  readonly scheme: string;
  /** Parameters by lower-case name, values unquoted and unescaped; the first occurrence wins. */
  readonly params: Readonly<Record<string, string>>;
}

type Token = { kind: 'word'; text: string } | { kind: 'quoted'; text: string } | { kind: '=' } | { kind: ',' };

/**
 * Parses every challenge in a `WWW-Authenticate` value. Handles parameters in any order, quoted or
 * token values, commas and escaped quotes inside quotes, several challenges in one value (which is
 * also how `Headers.get` joins several headers), and tolerates malformed input without throwing.
 *
 * @example
 * parseWwwAuthenticate('Basic realm="x", Digest realm="a, b", nonce=abc, qop="auth"')
 * // [{ scheme: 'basic', params: { realm: 'x' } }, { scheme: 'digest', params: { realm: 'a, b', nonce: 'abc', qop: 'auth' } }]
 */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const tokens = lex(header);
  const challenges: Array<{ scheme: string; params: Record<string, string> }> = [];
  let current: { scheme: string; params: Record<string, string> } | undefined;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    const next = tokens[i + 1];
    const value = tokens[i + 2];
    if (token?.kind === 'word' && next?.kind === '=') {
      if (value?.kind === 'word' || value?.kind === 'quoted') {
        const name = token.text.toLowerCase();
        if (current && !Object.hasOwn(current.params, name)) current.params[name] = value.text;
        i += 3;
      } else {
        i += 2; // token68 or an empty value: nothing a Digest client needs
      }
    } else if (token?.kind === 'word') {
      current = { scheme: token.text.toLowerCase(), params: Object.create(null) as Record<string, string> };
      challenges.push(current);
      i += 1;
    } else {
      i += 1;
    }
  }
  return challenges.map((c) => ({ scheme: c.scheme, params: { ...c.params } }));
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i += 1;
    } else if (ch === ',' || ch === '=') {
      tokens.push({ kind: ch });
      i += 1;
    } else if (ch === '"') {
      let text = '';
      i += 1;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i += 1;
        text += input[i];
        i += 1;
      }
      tokens.push({ kind: 'quoted', text });
      i += 1; // the closing quote (or past the end when unterminated)
    } else {
      // A value right after `=` may carry `=` itself (unquoted base64 nonces); a name may not.
      const afterEquals = tokens.at(-1)?.kind === '=';
      const stop = afterEquals ? /[\s,"]/ : /[\s,="]/;
      let text = '';
      while (i < input.length && !stop.test(input[i] as string)) {
        text += input[i];
        i += 1;
      }
      tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
}
