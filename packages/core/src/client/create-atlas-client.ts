import { redactUrl } from '../errors/redact.js';
import { listRestorePoints, type ListRestorePointsParams } from '../restore-points/list-restore-points.js';
import type { RestorePoint } from '../restore-points/restore-point.js';
import { OPERATION_LIST, OPERATIONS, type OperationId } from '../wire/operations.js';
import { callOperation, type OperationContext } from './call-operation.js';
import type { OperationMethods, OperationParams, PinnedVersion, ResponseOf, VersionOf, VersionPins } from './operation-types.js';
import type { AtlasClientOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';
import { createKy } from './send-attempt.js';

/**
 * A client for the operations of core's operation table: one method per operation, named as
 * `OPERATIONS[id].method` (`listProjects`, `listClusters`, `listClusterBackupCheckpoints`,
 * `getClusterBackupCheckpoint`), each asking for the newest API version core knows unless a
 * version is pinned, plus `call` for any operation by `operationId` at any of its versions.
 * Methods do not use `this`: pass them around freely.
 *
 * @example
 * const { listClusters } = createAtlasClient();
 * const page = await listClusters({ groupId: '32b6e34b3d91647abb20e7b8' }); // API version 2024-08-05
 */
export type AtlasClient<Pins = Record<never, never>> = OperationMethods<Pins> & {
  readonly baseUrl: string;
  /**
   * Calls an operation by its `operationId`, optionally at a given version of it.
   *
   * @example
   * const legacy = await client.call('listGroupClusters', { groupId }, { apiVersion: '2023-01-01' });
   */
  call<Id extends OperationId, V extends VersionOf<Id> = PinnedVersion<Id, Pins>>(
    operationId: Id,
    params: OperationParams<Id>,
    options?: { readonly apiVersion?: V | undefined },
  ): Promise<ResponseOf<Id, V>>;
  /**
   * Every point the cluster can be restored to, newest first, each saying its kind: Cloud Backup
   * snapshots of the cluster's type, legacy checkpoints and legacy snapshots (see `listRestorePoints`).
   *
   * @example
   * const [newest] = await client.listRestorePoints({ groupId, clusterName: 'Cluster0' });
   */
  listRestorePoints(params: ListRestorePointsParams): Promise<RestorePoint[]>;
  /** A description without secrets (what `JSON.stringify(client)` prints). */
  toJSON(): Record<string, unknown>;
};

/**
 * Creates an Atlas client on ky: parameters are validated against the operation table before
 * sending (`InvalidParameterError`, no request), 2xx bodies after against the schema of the
 * version asked for (`ResponseShapeError`); other statuses throw `AtlasApiError`, and transport
 * failures `AtlasRequestError`. GETs are retried on network errors, 429 and 5xx.
 *
 * @example
 * const client = createAtlasClient({ auth: serviceAccount({ clientId, clientSecret }), onDeprecation: (n) => console.warn(n.operationId) });
 * const page = await client.listClusterBackupCheckpoints({ groupId, clusterName: 'Cluster0', itemsPerPage: 500 });
 * console.log(page.totalCount, page.results[0]?.id);
 */
export function createAtlasClient(options?: AtlasClientOptions & { apiVersion?: undefined }): AtlasClient;
export function createAtlasClient<const P extends VersionPins>(options: AtlasClientOptions & { apiVersion: P }): AtlasClient<P>;
export function createAtlasClient(options: AtlasClientOptions): AtlasClient<string>;
export function createAtlasClient(options?: AtlasClientOptions): AtlasClient<string> {
  const resolved = resolveOptions(options ?? {});
  const context: OperationContext = { ky: createKy(resolved), options: resolved, reportedDeprecations: new Set() };
  const base = resolved.baseUrl;
  const pinned = resolved.apiVersion;
  const description = (): Record<string, unknown> => ({
    baseUrl: redactUrl(base),
    auth: resolved.auth.toJSON(),
    apiVersion: pinned instanceof Map ? Object.fromEntries(pinned) : (pinned ?? 'newest'),
    userAgent: resolved.userAgent,
    timeout: resolved.timeout,
    deadline: resolved.deadline,
    retry: { limit: resolved.retry.limit, maxRetryAfterMs: resolved.retry.maxRetryAfterMs },
  });
  const client: Record<string, unknown> = {
    baseUrl: base,
    call: (operationId: unknown, params: unknown, callOptions?: { apiVersion?: unknown }) => {
      const operation = OPERATION_LIST.find((candidate) => candidate.operationId === operationId);
      if (!operation || !Object.hasOwn(OPERATIONS, String(operationId))) {
        return Promise.reject(new TypeError(`createAtlasClient: no operation ${String(operationId)}`));
      }
      return callOperation(context, operation, params, callOptions?.apiVersion);
    },
    toJSON: description,
  };
  for (const operation of OPERATION_LIST) {
    client[operation.method] = (params?: unknown) => callOperation(context, operation, params);
  }
  client.listRestorePoints = (params: ListRestorePointsParams) => listRestorePoints(client as AtlasClient<string>, params);
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => ({ AtlasClient: description() }),
    enumerable: false,
  });
  return client as AtlasClient<string>;
}
