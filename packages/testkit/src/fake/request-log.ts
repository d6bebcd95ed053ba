import type { RouteName } from './route-names.js';

/** One request the fake saw (no credentials: only the auth scheme and principal id). */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly route: RouteName;
  readonly status: number;
  /** `none`, `digest`, `bearer`, `basic`, or `other`, from the Authorization header. */
  readonly authScheme: string;
  readonly accept: string | undefined;
  readonly userAgent: string | undefined;
  /** The fault applied, if any. */
  readonly fault: string | undefined;
  /** Epoch ms when the request arrived. */
  readonly at: number;
}

/** The scheme of an Authorization header, lower case, never its credentials. */
export function authSchemeOf(header: string | undefined): string {
  if (!header) return 'none';
  const scheme = header.split(' ')[0]?.toLowerCase() ?? '';
  return ['digest', 'bearer', 'basic'].includes(scheme) ? scheme : 'other';
}
