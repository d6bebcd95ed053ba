/** Who a request authenticated as (never a secret). */
export interface Principal {
  readonly scheme: 'none' | 'digest' | 'bearer';
  /** Public API key or service-account client id. */
  readonly id?: string;
  /** Projects this principal may read; all when undefined. */
  readonly groupIds?: readonly string[] | undefined;
}

/** Per-request values the fake's middleware hands to its route handlers. */
export interface FakeEnv {
  Variables: {
    principal: Principal;
    rateHeaders: Record<string, string>;
  };
}
