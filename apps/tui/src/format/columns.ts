import type { Checkpoint, ClusterRow, ProjectRow } from '../source/types.js';
import type { FitOptions } from './fit.js';
import { fitWhen, formatWhen } from './time.js';

/** A column of a list: how to show a row in a table/the browser and how to write it raw (CSV). */
export interface Column<T> {
  readonly key: string;
  readonly header: string;
  /** Typical width in the browser (the table uses the data's own widths). */
  readonly width: number;
  /** Narrowest useful width before the column is dropped. */
  readonly min: number;
  readonly align?: 'left' | 'right';
  /** Text for humans (local time with age). */
  display(row: T, now: number): string;
  /** Text for humans in `width` cells, when cutting `display` would mislead (times: never cut mid-second). */
  fit?(row: T, now: number, width: number): string;
  /** Raw value for CSV and sorting. */
  raw(row: T): string | number | boolean | undefined;
}

const yesNo = (value: boolean | undefined): string => (value === undefined ? '' : value ? 'yes' : 'no');

const CONFIG = /^CONFIG_SERVER/;

/**
 * The parts of a checkpoint in words: `3: 2 shards + config` (a replica set per shard, plus the
 * config server); unknown part types are counted as `other`.
 *
 * @example
 * partsSummary({ parts: [{ typeName: 'REPLICA_SET' }, { typeName: 'CONFIG_SERVER_REPLICA_SET' }] }) // '2: 1 shard + config'
 */
export function partsSummary(c: Checkpoint): string {
  const parts = c.parts ?? [];
  if (parts.length === 0) return '';
  const config = parts.filter((p) => CONFIG.test(String(p.typeName ?? ''))).length;
  const shards = parts.filter((p) => String(p.typeName ?? '') === 'REPLICA_SET').length;
  const other = parts.length - config - shards;
  const words = [
    shards > 0 ? `${shards} shard${shards === 1 ? '' : 's'}` : '',
    config > 0 ? (config === 1 ? 'config' : `${config} config`) : '',
    other > 0 ? `${other} other` : '',
  ].filter((w) => w !== '');
  return `${parts.length}: ${words.join(' + ')}`;
}

const partNames = (c: Checkpoint): string =>
  (c.parts ?? [])
    .map((p) => p.shardName ?? p.replicaSetName ?? p.typeName ?? '')
    .filter((n) => n !== '')
    .join(',');

/**
 * The checkpoint columns, shared by `list -o table|csv` and the browser.
 *
 * @example
 * CHECKPOINT_COLUMNS.map((c) => c.header) // ['ID', 'TIMESTAMP', 'RESTORABLE', …]
 */
export const CHECKPOINT_COLUMNS: ReadonlyArray<Column<Checkpoint>> = [
  { key: 'id', header: 'ID', width: 24, min: 24, display: (c) => c.id ?? '', raw: (c) => c.id },
  {
    key: 'timestamp',
    header: 'TIMESTAMP',
    width: 30,
    min: 30,
    display: (c, now) => formatWhen(c.timestamp, now),
    fit: (c, now, width) => fitWhen(c.timestamp, now, width, true),
    raw: (c) => c.timestamp,
  },
  { key: 'restorable', header: 'RESTORABLE', width: 10, min: 10, display: (c) => yesNo(c.restorable), raw: (c) => c.restorable },
  { key: 'parts', header: 'PARTS', width: 20, min: 20, display: partsSummary, raw: partNames },
  {
    key: 'started',
    header: 'STARTED',
    width: 30,
    min: 19,
    display: (c, now) => formatWhen(c.started, now),
    fit: (c, now, width) => fitWhen(c.started, now, width),
    raw: (c) => c.started,
  },
  {
    key: 'completed',
    header: 'COMPLETED',
    width: 30,
    min: 19,
    display: (c, now) => formatWhen(c.completed, now),
    fit: (c, now, width) => fitWhen(c.completed, now, width),
    raw: (c) => c.completed,
  },
];

/**
 * How the browser's checkpoint list fits a narrow terminal: id, timestamp (to the second, without
 * its age) and restorable stay, the id cut last (to 8 cells at the least); the other columns show
 * only beside their natural widths.
 */
export const CHECKPOINT_FIT: FitOptions = { keep: 3, mins: [8, 19, 5], firstShrinksLast: true };

/** The project columns. */
export const PROJECT_COLUMNS: ReadonlyArray<Column<ProjectRow>> = [
  { key: 'id', header: 'ID', width: 24, min: 24, display: (p) => p.id ?? '', raw: (p) => p.id },
  { key: 'name', header: 'NAME', width: 24, min: 10, display: (p) => p.name ?? '', raw: (p) => p.name },
  {
    key: 'clusterCount',
    header: 'CLUSTERS',
    width: 8,
    min: 3,
    align: 'right',
    display: (p) => String(p.clusterCount ?? ''),
    raw: (p) => p.clusterCount,
  },
  {
    key: 'created',
    header: 'CREATED',
    width: 30,
    min: 19,
    display: (p, now) => formatWhen(p.created, now),
    fit: (p, now, width) => fitWhen(p.created, now, width),
    raw: (p) => p.created,
  },
  { key: 'orgId', header: 'ORG', width: 24, min: 8, display: (p) => p.orgId ?? '', raw: (p) => p.orgId },
];

/** The cluster columns. */
export const CLUSTER_COLUMNS: ReadonlyArray<Column<ClusterRow>> = [
  { key: 'name', header: 'NAME', width: 20, min: 6, display: (c) => c.name ?? '', raw: (c) => c.name },
  { key: 'clusterType', header: 'TYPE', width: 10, min: 4, display: (c) => c.clusterType ?? '', raw: (c) => c.clusterType },
  { key: 'stateName', header: 'STATE', width: 10, min: 4, display: (c) => c.stateName ?? '', raw: (c) => c.stateName },
  {
    key: 'mongoDBVersion',
    header: 'VERSION',
    width: 8,
    min: 4,
    display: (c) => c.mongoDBVersion ?? '',
    raw: (c) => c.mongoDBVersion,
  },
  {
    key: 'backupEnabled',
    header: 'BACKUP',
    width: 6,
    min: 3,
    display: (c) => yesNo(c.backupEnabled),
    raw: (c) => c.backupEnabled,
  },
  { key: 'id', header: 'ID', width: 24, min: 8, display: (c) => c.id ?? '', raw: (c) => c.id },
];

/**
 * How the browser's cluster list fits a narrow terminal: name (to 12 cells at the least), type and
 * state stay down to 40 columns; version, backup and id show only beside their natural widths.
 */
export const CLUSTER_FIT: FitOptions = { keep: 3, mins: [12, 7, 4] };
