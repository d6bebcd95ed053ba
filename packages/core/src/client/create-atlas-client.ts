import { redactUrl } from '../errors/redact.js';
import type { Checkpoint } from '../schemas/checkpoint.js';
import type { CheckpointPage, ClusterPage, GroupPage } from '../schemas/pages.js';
import { assertShape, CheckpointCheck, CheckpointPageCheck, ClusterPageCheck, GroupPageCheck } from '../schemas/validators.js';
import { executeGet, type CallContext } from './execute-get.js';
import type { AtlasClientOptions } from './options.js';
import {
  buildUrl,
  checkParamsObject,
  checkPathParams,
  listQuery,
  type GetCheckpointParams,
  type ListCheckpointsParams,
  type ListClustersParams,
  type ListOptions,
} from './params.js';
import { resolveOptions } from './resolve-options.js';
import { createKy } from './send-attempt.js';

/**
 * A client for the four Atlas operations. Methods do not use `this`: pass them around freely.
 *
 * @example
 * const { listClusters } = createAtlasClient();
 * const page = await listClusters({ groupId: '32b6e34b3d91647abb20e7b8' });
 */
export interface AtlasClient {
  readonly baseUrl: string;
  /** `GET /api/atlas/v2/groups` */
  readonly listProjects: (params?: ListOptions) => Promise<GroupPage>;
  /** `GET /api/atlas/v2/groups/{groupId}/clusters` */
  readonly listClusters: (params: ListClustersParams) => Promise<ClusterPage>;
  /** `GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backupCheckpoints` */
  readonly listClusterBackupCheckpoints: (params: ListCheckpointsParams) => Promise<CheckpointPage>;
  /** `GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backupCheckpoints/{checkpointId}` */
  readonly getClusterBackupCheckpoint: (params: GetCheckpointParams) => Promise<Checkpoint>;
  /** A description without secrets (what `JSON.stringify(client)` prints). */
  toJSON(): Record<string, unknown>;
}

/**
 * Creates an Atlas client on ky: parameters are validated before sending (`InvalidParameterError`,
 * no request), 2xx bodies after (`ResponseShapeError`); other statuses throw `AtlasApiError`, and
 * transport failures `AtlasRequestError`. GETs are retried on network errors, 429 and 5xx.
 *
 * @example
 * const client = createAtlasClient({ auth: serviceAccount({ clientId, clientSecret }) });
 * const page = await client.listClusterBackupCheckpoints({ groupId, clusterName: 'Cluster0', itemsPerPage: 500 });
 * console.log(page.totalCount, page.results[0]?.id);
 */
export function createAtlasClient(options: AtlasClientOptions = {}): AtlasClient {
  const resolved = resolveOptions(options);
  const context: CallContext = { ky: createKy(resolved), options: resolved };
  const base = resolved.baseUrl;
  const description = (): Record<string, unknown> => ({
    baseUrl: redactUrl(base),
    auth: resolved.auth.toJSON(),
    apiVersion: resolved.apiVersion,
    userAgent: resolved.userAgent,
    timeout: resolved.timeout,
    deadline: resolved.deadline,
    retry: { limit: resolved.retry.limit, maxRetryAfterMs: resolved.retry.maxRetryAfterMs },
  });

  const client: AtlasClient = {
    baseUrl: base,
    listProjects: async (params) => {
      const p = checkParamsObject(params, true);
      const url = buildUrl(base, ['groups'], listQuery(p));
      return executeGet(context, url, params?.signal, (body) => assertShape(GroupPageCheck, body, url));
    },
    listClusters: async (params) => {
      const p = checkParamsObject(params, false);
      checkPathParams(p, ['groupId']);
      const url = buildUrl(base, ['groups', params.groupId, 'clusters'], listQuery(p));
      return executeGet(context, url, params.signal, (body) => assertShape(ClusterPageCheck, body, url));
    },
    listClusterBackupCheckpoints: async (params) => {
      const p = checkParamsObject(params, false);
      checkPathParams(p, ['groupId', 'clusterName']);
      const url = buildUrl(base, ['groups', params.groupId, 'clusters', params.clusterName, 'backupCheckpoints'], listQuery(p));
      return executeGet(context, url, params.signal, (body) => assertShape(CheckpointPageCheck, body, url));
    },
    getClusterBackupCheckpoint: async (params) => {
      const p = checkParamsObject(params, false);
      checkPathParams(p, ['groupId', 'clusterName', 'checkpointId']);
      const url = buildUrl(base, [
        'groups',
        params.groupId,
        'clusters',
        params.clusterName,
        'backupCheckpoints',
        params.checkpointId,
      ]);
      return executeGet(context, url, params.signal, (body) => assertShape(CheckpointCheck, body, url));
    },
    toJSON: description,
  };
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => ({ AtlasClient: description() }),
    enumerable: false,
  });
  return client;
}
