import type { Action } from '../state/actions.js';
import { describeError, type ErrorContext } from '../state/describe-error.js';
import type { FetchRequest } from '../state/selectors.js';
import type { AtlasReader } from '../source/types.js';

/**
 * Runs one browser request against the reader and returns the action that reports its outcome.
 * Never rejects: failures become `fetchFailed` with what to do.
 *
 * @example
 * dispatch(await fetchFor(reader, request, token, 500));
 */
export async function fetchFor(reader: AtlasReader, request: FetchRequest, token: number, itemsPerPage: number): Promise<Action> {
  const { screenId } = request;
  try {
    switch (request.kind) {
      case 'projects':
        return {
          type: 'pageLoaded',
          screenId,
          token,
          page: await reader.listProjects({ pageNum: request.pageNum, itemsPerPage }),
        };
      case 'clusters':
        return {
          type: 'pageLoaded',
          screenId,
          token,
          page: await reader.listClusters({ groupId: request.groupId, pageNum: request.pageNum, itemsPerPage }),
        };
      case 'checkpoints':
        return {
          type: 'pageLoaded',
          screenId,
          token,
          page: await reader.listClusterBackupCheckpoints({
            groupId: request.groupId,
            clusterName: request.clusterName,
            pageNum: request.pageNum,
            itemsPerPage,
          }),
        };
      case 'detail': {
        const { groupId, clusterName, checkpointId } = request;
        return {
          type: 'detailLoaded',
          screenId,
          token,
          checkpoint: await reader.getClusterBackupCheckpoint({ groupId, clusterName, checkpointId }),
        };
      }
      default:
        return request satisfies never;
    }
  } catch (error) {
    return { type: 'fetchFailed', screenId, token, error: describeError(error, { ...request } as ErrorContext) };
  }
}
