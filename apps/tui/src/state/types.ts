import type { BackupRecord } from '../format/record-lines.js';
import type { RestoreJob } from '../source/restore-jobs.js';
import type { Checkpoint, ClusterRow, ProjectRow, RestorePoint } from '../source/types.js';
import type { Indexed } from './append-list.js';
import type { PageWindow } from './page-window.js';

/** An error as the browser shows it: what happened and what to do about it. */
export interface ErrorInfo {
  readonly title: string;
  readonly hint: string;
  readonly status?: number | undefined;
  readonly errorCode?: string | undefined;
}

/** A list's order: by a column (1-based; 0 is the API's own order, oldest first for checkpoints), either way. */
export interface SortOrder {
  readonly column: number;
  readonly descending: boolean;
}

/** Where a page goes: instead of what is loaded (a jump, a first load), after it, or before it. */
export type Place = 'replace' | 'append' | 'prepend';

/** A load that jumps to an end of the list: which page to read, and where the cursor lands. */
export interface Jump {
  readonly page: 'first' | 'last';
  readonly cursor: 'top' | 'bottom';
}

/** One loaded (possibly partially) list, with its cursor, filter and sort. */
export interface ListData<T> {
  /** Rows loaded so far: a contiguous run of pages in API order, which can grow at either end. */
  readonly items: PageWindow<T>;
  readonly totalCount: number | undefined;
  readonly pagesLoaded: number;
  /** More pages after `items.lastPage` (by `totalCount`, or a `next` link without one). */
  readonly hasMore: boolean;
  /** Token of the request in flight, if any; responses with another token are stale. */
  readonly pending: number | undefined;
  readonly error: ErrorInfo | undefined;
  /** Indices into `items` after filter and sort; `null` means every item in API order. */
  readonly view: Indexed<number> | null;
  readonly cursor: number;
  readonly offset: number;
  readonly filter: string;
  readonly sort: SortOrder;
  /** A jump to an end waiting for its page (`g`/`G` past what is loaded). */
  readonly jump: Jump | undefined;
  /**
   * Rows a refresh brought that are above the screen, not seen yet (`N newer`); falls as the user
   * scrolls up to them. The cursor never moves for them.
   */
  readonly newer: number;
  /** After a refresh found the list grown: the API index from which rows are new (counted in `newer` as they load). */
  readonly newFrom: number | undefined;
  /** After a refresh: the checkpoint (or project, cluster) to put the cursor back on, and the page it was on. */
  readonly keep: { readonly id: string; readonly pageNum: number; readonly row: number } | undefined;
}

interface ScreenBase {
  readonly id: number;
}

/** The projects list. */
interface ProjectsScreen extends ScreenBase {
  readonly kind: 'projects';
  readonly list: ListData<ProjectRow>;
}

/** One project's clusters. */
interface ClustersScreen extends ScreenBase {
  readonly kind: 'clusters';
  readonly groupId: string;
  readonly projectName: string;
  readonly list: ListData<ClusterRow>;
}

/** One cluster's checkpoints. */
interface CheckpointsScreen extends ScreenBase {
  readonly kind: 'checkpoints';
  readonly groupId: string;
  readonly projectName: string;
  readonly clusterName: string;
  readonly list: ListData<Checkpoint>;
}

/** One cluster's restore points (core's `listRestorePoints`: snapshots, checkpoints, legacy snapshots), newest first. */
interface RestorePointsScreen extends ScreenBase {
  readonly kind: 'restorePoints';
  readonly groupId: string;
  readonly projectName: string;
  readonly clusterName: string;
  readonly list: ListData<RestorePoint>;
}

/** One cluster's restore jobs (Cloud Backup and legacy), newest first. */
interface RestoreJobsScreen extends ScreenBase {
  readonly kind: 'restoreJobs';
  readonly groupId: string;
  readonly projectName: string;
  readonly clusterName: string;
  readonly list: ListData<RestoreJob>;
}

/** One restore point (other than a checkpoint) or restore job, every field. */
export interface RecordScreen extends ScreenBase {
  readonly kind: 'record';
  readonly groupId: string;
  readonly projectName: string;
  readonly clusterName: string;
  readonly record: BackupRecord;
  /** A refresh asked for the record again; it stays on screen until the new one arrives. */
  readonly stale: boolean;
  readonly pending: number | undefined;
  readonly error: ErrorInfo | undefined;
  readonly scroll: number;
}

/** The views of one cluster, at the same level (`tab` goes from one to the next). */
export type ClusterView = 'restorePoints' | 'restoreJobs' | 'checkpoints';

/** One checkpoint, every field. */
export interface DetailScreen extends ScreenBase {
  readonly kind: 'detail';
  readonly groupId: string;
  readonly projectName: string;
  readonly clusterName: string;
  readonly checkpointId: string;
  readonly checkpoint: Checkpoint | undefined;
  readonly pending: number | undefined;
  readonly error: ErrorInfo | undefined;
  readonly scroll: number;
}

export type ListScreen = ProjectsScreen | ClustersScreen | CheckpointsScreen | RestorePointsScreen | RestoreJobsScreen;
export type Screen = ListScreen | DetailScreen | RecordScreen;

/** Atlas said an operation, at an API version, is deprecated: `text` is its line, `Atlas deprecated <operationId> (API <date>)…`. */
export interface Deprecation {
  readonly operationId: string;
  readonly apiVersion: string;
  readonly text: string;
}

/** A caching proxy's answer to a screen's latest request: its `Cache-Status` and `Age` (seconds). */
export interface CacheInfo {
  readonly status: string;
  readonly age: number | undefined;
}

/** The whole browser state. */
export interface BrowserState {
  /** Never empty: the last screen is the one shown. */
  readonly stack: readonly Screen[];
  readonly nextId: number;
  readonly viewport: { readonly rows: number; readonly columns: number };
  /** The filter being typed, when the filter prompt is open. */
  readonly filterDraft: string | undefined;
  readonly help: boolean;
  readonly rateLimitedMs: number | undefined;
  /** The proxy's last `Cache-Status` and `Age` for each screen on the stack, by screen id: the header shows the current screen's (`cacheOf`). */
  readonly cache: Readonly<Record<number, CacheInfo>>;
  /** The latest `y`: the selection as JSON, waiting for the clipboard effect (`seq` counts copies). */
  readonly copyRequest: { readonly text: string; readonly seq: number } | undefined;
  /** Copies that could not go to the clipboard, printed on exit. */
  readonly unsentCopies: readonly string[];
  readonly notice: string | undefined;
  /** What Atlas said is deprecated, in the order it said so; the status line shows the current screen's (see `deprecationOf`). */
  readonly deprecations: readonly Deprecation[];
  /** Page size of every list read (pages are numbered for it). */
  readonly pageSize: number;
  readonly quit: boolean;
  /** Quit with Ctrl-C: the process exits 130. */
  readonly interrupted: boolean;
}
