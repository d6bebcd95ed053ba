/** An API key the fake accepts (HTTP Digest). `groupIds` limits the projects it can read. */
export interface FakeApiKey {
  readonly publicKey: string;
  readonly privateKey: string;
  readonly groupIds?: readonly string[];
}

/** A service account the fake accepts (OAuth client credentials). */
export interface FakeServiceAccount {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly groupIds?: readonly string[];
}

/** Server-side auth of the fake: `'none'`, or Digest API keys and/or OAuth service accounts. */
export type FakeAuthOptions =
  | 'none'
  | {
      readonly digest?: readonly FakeApiKey[];
      readonly oauth?: readonly FakeServiceAccount[];
      /** Digest nonce lifetime (ms) before `stale=true`. Default 300000. */
      readonly nonceTtlMs?: number;
      /** OAuth access token lifetime (seconds). Default 3600. */
      readonly tokenTtlSeconds?: number;
    };
