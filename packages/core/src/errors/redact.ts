const SECRET_PARAMS = /([?&](?:access_token|token|client_secret|private_?key|password|apiKey|api_key)=)[^&#]*/gi;

/**
 * Removes credentials from a URL so it can be carried by an error or a log line:
 * user-info (`https://user:pass@host`) and secret-looking query parameters.
 *
 * @example
 * redactUrl('https://pub:priv@cloud.mongodb.com/api?access_token=x') // 'https://cloud.mongodb.com/api?access_token=[REDACTED]'
 */
export function redactUrl(url: string): string {
  let out = url;
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
      out = parsed.toString();
    }
  } catch {
    // not an absolute URL: only the query string is redacted
  }
  return out.replace(SECRET_PARAMS, '$1[REDACTED]');
}
