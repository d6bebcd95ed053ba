/** Test helpers: a recording stub transport and Atlas-like documents. Never shipped (excluded from the build). */

export const GROUP_ID = '5e2211c17a3e5a48f5497de3';
export const CLUSTER = 'Cluster0';
export const CHECKPOINT_ID = '5f4007f327a3bd7b6f4103c5';

export type Handler = (request: Request, index: number) => Response | Promise<Response>;

/** A fetch that records each request and answers with `handler`. */
export function stubFetch(handler: Handler) {
  const requests: Request[] = [];
  const fetch = (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return Promise.resolve(handler(request, requests.length - 1));
  };
  return { fetch, requests };
}

/** A fetch that answers the given responses in order (the last one repeats). */
export function sequence(...responses: Array<() => Response>) {
  return stubFetch((_request, index) => (responses[Math.min(index, responses.length - 1)] as () => Response)());
}

export function checkpoint(id = CHECKPOINT_ID): Record<string, unknown> {
  return {
    clusterId: '32b6e34b3d91647abb20e7b8',
    completed: '2024-05-04T09:42:00Z',
    groupId: GROUP_ID,
    id,
    // Legacy checkpoints exist for sharded clusters: a part per shard plus the config server.
    parts: [
      {
        replicaSetName: 'atlas-abc123-shard-0',
        shardName: 'atlas-abc123-shard-0',
        tokenDiscovered: true,
        tokenTimestamp: { date: '2024-05-04T09:42:00Z', increment: 1 },
        typeName: 'REPLICA_SET',
      },
      {
        replicaSetName: 'atlas-abc123-config-0',
        tokenDiscovered: true,
        tokenTimestamp: { date: '2024-05-04T09:42:00Z', increment: 2 },
        typeName: 'CONFIG_SERVER_REPLICA_SET',
      },
    ],
    restorable: true,
    started: '2024-05-04T09:41:00Z',
    timestamp: '2024-05-04T09:42:00Z',
  };
}

export function group(id = GROUP_ID): Record<string, unknown> {
  return { clusterCount: 1, created: '2024-01-01T00:00:00Z', id, name: 'Project 0', orgId: '32b6e34b3d91647abb20e7b8' };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status < 300 ? 'application/vnd.atlas.2023-01-01+json;charset=utf-8' : 'application/json',
      ...headers,
    },
  });
}

export function page(results: unknown[], totalCount?: number): Response {
  return json({
    links: [{ rel: 'self', href: 'https://cloud.mongodb.com/api/atlas/v2' }],
    results,
    ...(totalCount === undefined ? {} : { totalCount }),
  });
}

export function apiError(status: number, errorCode: string, headers: Record<string, string> = {}): Response {
  return json({ detail: `detail of ${errorCode}`, error: status, errorCode, parameters: ['x'], reason: 'Reason' }, status, {
    'x-error-code': errorCode,
    ...headers,
  });
}

/** A sleep that records what it was asked to wait and resolves at once. */
export function recordingSleep() {
  const waits: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    waits.push(ms);
    return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  };
  return { sleep, waits };
}
