/** What an auth strategy sees of a request it is asked to authorize. */
export interface AuthRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Absolute request URL. */
  readonly url: string;
  /** The client's base URL (e.g. `https://cloud.mongodb.com`), for token endpoints. */
  readonly baseUrl: string;
  /** The client's transport: auth strategies make their own calls (token endpoint) with it. */
  readonly fetch: typeof globalThis.fetch;
  /** The caller's abort signal, honoured by any call the strategy makes. */
  readonly signal?: AbortSignal | undefined;
  /** The client's User-Agent, sent on the strategy's own calls. */
  readonly userAgent?: string | undefined;
}

/**
 * How the client authenticates. The client calls `authorize` before every attempt and sets the
 * returned value as the `Authorization` header (none when `undefined`). When Atlas answers 401 the
 * client calls `handleUnauthorized` once per request: `true` means "retry once, I have new
 * credentials or a new challenge" (Digest nonce, refreshed OAuth token).
 *
 * Implementations never expose secrets in `toString()`, `toJSON()` or `util.inspect`.
 */
export interface AtlasAuth {
  readonly kind: 'none' | 'accessToken' | 'serviceAccount' | 'apiKey';
  authorize(request: AuthRequest): Promise<string | undefined>;
  handleUnauthorized(request: AuthRequest, response: Response): Promise<boolean>;
  /** Revokes held credentials where the scheme supports it (service account token). */
  close?(): Promise<void>;
  toJSON(): { kind: AtlasAuth['kind'] } & Record<string, unknown>;
  /** A description without secrets, e.g. `AtlasAuth(apiKey publicKey=abcd)`. */
  toString(): string;
}
