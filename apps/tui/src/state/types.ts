import type { Checkpoint, ClusterRow, ProjectRow } from '../source/types.js';
import type { Indexed } from './append-list.js';

/** An error as the browser shows it: what happened and what to do about it. */
export interface ErrorInfo {
  readonly title: string;
  readonly hint: string;
  readonly status?: number | undefined;
  readonly errorCode?: string | undefined;
}

/** One loaded (possibly partially) list, with its cursor, filter and sort. */
export interface ListData<T> {
  /** Rows loaded so far, in API order (an `AppendList` once a page has loaded, so a page load costs the page). */
  readonly items: Indexed<T>;
  readonly totalCount: number | undefined;
  readonly pagesLoaded: number;
  readonly hasMore: boolean;
  /** Token of the request in flight, if any; responses with another token are stale. */
  readonly pending: number | undefined;
  readonly error: ErrorInfo | undefined;
  /** Indices into `items` after filter and sort; `null` means every item in API order. */
  readonly view: Indexed<number> | null;
  readonly cursor: number;
  readonly offset: number;
  readonly filter: string;
  /** 0 = API order; n = the n-th column ascending. */
  readonly sort: number;
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

export type ListScreen = ProjectsScreen | ClustersScreen | CheckpointsScreen;
export type Screen = ListScreen | DetailScreen;

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
  readonly cache: { readonly status: string; readonly age: number | undefined } | undefined;
  /** The latest `y`: the selection as JSON, waiting for the clipboard effect (`seq` counts copies). */
  readonly copyRequest: { readonly text: string; readonly seq: number } | undefined;
  /** Copies that could not go to the clipboard, printed on exit. */
  readonly unsentCopies: readonly string[];
  readonly notice: string | undefined;
  readonly quit: boolean;
}
