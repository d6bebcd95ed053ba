import { createHash } from 'node:crypto';
import type { AtlasAuth } from '@atlas-checkpoints/core';

/**
 * A short, non-secret tag for "which Atlas, seen as whom": a hash of the upstream URL and the
 * upstream credential's public identity (`auth.toJSON()`: kind plus client id or public key, never
 * a secret). Appended to the Redis key prefix so that deployments with different upstream
 * credentials never read each other's entries from a shared Redis, while replicas of one
 * deployment (same URL, same credential) still share theirs.
 *
 * @example
 * upstreamScope('https://cloud.mongodb.com', apiKey({ publicKey: 'abc', privateKey: '…' })) // '3f1c…' (16 hex)
 */
export function upstreamScope(upstreamUrl: string, auth: AtlasAuth): string {
  return createHash('sha256')
    .update(JSON.stringify([upstreamUrl, auth.toJSON()]))
    .digest('hex')
    .slice(0, 16);
}
