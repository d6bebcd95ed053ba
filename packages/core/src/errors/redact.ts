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

/**
 * A user-info password anywhere in a text, in whatever shape it was typed: `scheme://user:password@`,
 * `//user:password@`, a bare `user:password@host`, or a malformed `scheme:user:password@` or
 * `scheme:/user:password@`; the password runs to the last `@` of the word, so one holding `/`, `#`
 * or `:` is covered whole. An e-mail address (no `:` before its `@`) is left alone.
 */
const USERINFO_PASSWORD = /((?:^|[\s'"(=,<])(?:[a-z][a-z0-9+.-]*:\/\/|\/\/)?[^\s:@/'"=]*:)[^\s'"]*@/gi;

/** A command-line flag with its value in one argument whose name looks like a credential (`--clientSecret=…`, `--api-key=…`). */
const SECRET_FLAG = /(--?[\w-]*(?:secret|token|passw(?:or)?d|pwd|key|credential)[\w-]*=)[^\s'"]*/gi;

/**
 * Removes credentials from any text that may quote a URL or a command line, parseable or not (a
 * command-line error that repeats the argument it refused, such as commander's `unknown option
 * '--clientSecret=…'`, an exception message): the password of every `user:password@`, with or
 * without a scheme (the user name is kept where it can be told apart, as in a Redis or MongoDB
 * URL it names the account, not a secret), secret-looking query parameters, and the value of a
 * secret-looking `--flag=value`.
 *
 * @example
 * redactCredentials("argument 'redis://:hunter2@host:99999' is invalid") // "argument 'redis://:***@host:99999' is invalid"
 */
export function redactCredentials(text: string): string {
  return text.replace(USERINFO_PASSWORD, '$1***@').replace(SECRET_PARAMS, '$1[REDACTED]').replace(SECRET_FLAG, '$1[REDACTED]');
}
