import type { Action } from '../state/actions.js';
import { describeError, type ErrorContext } from '../state/describe-error.js';
import type { FetchRequest } from '../state/selectors.js';
import type { BackupRecord } from '../format/record-lines.js';
import { cloudRestoreJob, legacyRestoreJob, listRestoreJobs } from '../source/restore-jobs.js';
import type { AtlasReader, PageOf } from '../source/types.js';
import { readLastPage, restorePoint } from '@atlas-checkpoints/core';

type PagedRequest = Extract<FetchRequest, { kind: 'projects' | 'clusters' | 'checkpoints' }>;

/** The list call a request reads, with its ids bound. */
function listOf(reader: AtlasReader, request: PagedRequest): ListFn {
  switch (request.kind) {
    case 'projects':
      return (params) => reader.listProjects(params);
    case 'clusters':
      return (params) => reader.listClusters({ ...params, groupId: request.groupId });
    case 'checkpoints':
      return (params) =>
        reader.listClusterBackupCheckpoints({ ...params, groupId: request.groupId, clusterName: request.clusterName });
    default:
      return request satisfies never;
  }
}

type ListFn = (params: {
  pageNum?: number;
  itemsPerPage?: number;
  includeCount?: boolean;
  signal?: AbortSignal;
}) => Promise<PageOf<unknown>>;

/**
 * Reads one page of a list: page `pageNum`, or the last page with core's `readLastPage` (directly
 * when the count is known, else after page 1 tells it), keeping the count core's read learned.
 */
async function readPage(list: ListFn, pageNum: number | 'last', totalCount: number | undefined, itemsPerPage: number) {
  if (pageNum !== 'last') return { page: await list({ pageNum, itemsPerPage }), pageNum };
  let count = totalCount;
  const counting: ListFn = async (params) => {
    const page = await list(params);
    if (page.totalCount !== undefined) count = page.totalCount;
    return page;
  };
  const last = await readLastPage(counting as never, {}, { itemsPerPage, ...(totalCount === undefined ? {} : { totalCount }) });
  const page = last as PageOf<unknown> & { pageNum: number };
  return { page: { ...page, totalCount: page.totalCount ?? count }, pageNum: page.pageNum };
}

/**
 * A cluster's restore points or restore jobs, read whole (each list walked to its end, merged
 * newest first) and handed to the browser as one page holding every item.
 */
async function readWhole(reader: AtlasReader, request: Extract<FetchRequest, { kind: 'restorePoints' | 'restoreJobs' }>) {
  const { groupId, clusterName } = request;
  const results =
    request.kind === 'restorePoints'
      ? await reader.listRestorePoints({ groupId, clusterName })
      : await listRestoreJobs(reader, { groupId, clusterName });
  return { page: { results, totalCount: results.length } as PageOf<unknown>, pageNum: 1 };
}

/** Reads one restore point or restore job again, by its kind's get operation. */
async function readRecord(reader: AtlasReader, request: Extract<FetchRequest, { kind: 'record' }>): Promise<BackupRecord> {
  const { groupId, clusterName, id } = request;
  switch (request.recordKind) {
    case 'snapshot':
      return restorePoint('snapshot', await reader.getBackupSnapshot({ groupId, clusterName, snapshotId: id }));
    case 'shardedSnapshot':
      return restorePoint(
        'shardedSnapshot',
        await reader.getShardedClusterBackupSnapshot({ groupId, clusterName, snapshotId: id }),
      );
    case 'checkpoint':
      return restorePoint('checkpoint', await reader.getClusterBackupCheckpoint({ groupId, clusterName, checkpointId: id }));
    case 'legacySnapshot':
      return restorePoint('legacySnapshot', await reader.getLegacySnapshot({ groupId, clusterName, snapshotId: id }));
    case 'cloudRestoreJob':
      return cloudRestoreJob(await reader.getBackupRestoreJob({ groupId, clusterName, restoreJobId: id }));
    case 'legacyRestoreJob':
      return legacyRestoreJob(await reader.getLegacyRestoreJob({ groupId, clusterName, jobId: id }));
    default:
      return request.recordKind satisfies never;
  }
}

/**
 * Runs one browser request against the reader and returns the action that reports its outcome.
 * Never rejects: failures become `fetchFailed` with what to do.
 *
 * @example
 * dispatch(await fetchFor(reader, request, token, 100));
 */
export async function fetchFor(reader: AtlasReader, request: FetchRequest, token: number, itemsPerPage: number): Promise<Action> {
  const { screenId } = request;
  try {
    if (request.kind === 'detail') {
      const { groupId, clusterName, checkpointId } = request;
      return {
        type: 'detailLoaded',
        screenId,
        token,
        checkpoint: await reader.getClusterBackupCheckpoint({ groupId, clusterName, checkpointId }),
      };
    }
    if (request.kind === 'record') return { type: 'recordLoaded', screenId, token, record: await readRecord(reader, request) };
    const { page, pageNum } =
      request.kind === 'restorePoints' || request.kind === 'restoreJobs'
        ? await readWhole(reader, request)
        : await readPage(listOf(reader, request), request.pageNum, request.totalCount, itemsPerPage);
    return { type: 'pageLoaded', screenId, token, page, pageNum, place: request.place };
  } catch (error) {
    return { type: 'fetchFailed', screenId, token, error: describeError(error, { ...request } as ErrorContext) };
  }
}
