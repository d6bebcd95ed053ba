import type { Static } from '@sinclair/typebox';
import type { OperationId, Operations } from '../wire/operations.js';
import type { ResponseInfo } from './options.js';

type Op<Id extends OperationId> = Operations[Id];

/** The API versions an operation has, e.g. `'2023-01-01' | '2023-02-01' | '2024-08-05'` for `listGroupClusters`. */
export type VersionOf<Id extends OperationId> = Op<Id>['versions'][number]['version'];

type Last<T extends readonly unknown[]> = T extends readonly [...unknown[], infer L] ? L : never;

/** An operation's newest version: the one core's client asks for unless a version is pinned. */
export type NewestVersionOf<Id extends OperationId> = Last<Op<Id>['versions']> extends { version: infer V } ? V : never;

/** The 200 body of an operation at a version. */
export type ResponseOf<Id extends OperationId, V> = Static<Extract<Op<Id>['versions'][number], { version: V }>['schema']>;

type ClientQuery<Id extends OperationId> = Extract<Op<Id>['query'][number], { role: 'page' | 'filter' }>;

/** An operation's path parameters, by name. */
export type PathParamsOf<Id extends OperationId> = { -readonly [K in keyof Op<Id>['pathParameters']]: string };

/**
 * The parameters of a call: the path parameters (required), the paging and filtering query
 * parameters (optional, typed by their schema), an `AbortSignal` and an `onResponse` observer.
 *
 * @example
 * const params: OperationParams<'listGroupClusters'> = { groupId, itemsPerPage: 500, includeDeletedWithRetainedBackups: true };
 */
export type OperationParams<Id extends OperationId> = PathParamsOf<Id> & {
  [Q in ClientQuery<Id> as Q['name']]?: Static<Q['schema']> | undefined;
} & {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Hears every HTTP response of this call (retries and auth challenges included), after the client's `onResponse`. */
  onResponse?: ((info: ResponseInfo) => void) | undefined;
};

/**
 * API versions pinned per method, e.g. `{ listClusters: '2023-01-01' }`: each method asks for its
 * pinned version instead of the newest.
 *
 * @example
 * createAtlasClient({ apiVersion: { listClusters: '2023-02-01' } });
 */
export type VersionPins = { readonly [Id in OperationId as Op<Id>['method']]?: VersionOf<Id> };

/** The version a method asks for under the client's pins (a date pins every method to a resolved version). */
export type PinnedVersion<Id extends OperationId, Pins> = Extract<
  Pins extends string
    ? VersionOf<Id>
    : Op<Id>['method'] extends keyof Pins
      ? Exclude<Pins[Op<Id>['method']], undefined>
      : NewestVersionOf<Id>,
  VersionOf<Id>
>;

/** A client method: the parameters object is optional when the operation has no path parameter. */
export type OperationMethod<Id extends OperationId, Pins> =
  Record<string, never> extends PathParamsOf<Id>
    ? (params?: OperationParams<Id>) => Promise<ResponseOf<Id, PinnedVersion<Id, Pins>>>
    : (params: OperationParams<Id>) => Promise<ResponseOf<Id, PinnedVersion<Id, Pins>>>;

/** The methods of the operation table, by core's method name (`listProjects`, `listClusters`, …). */
export type OperationMethods<Pins> = { readonly [Id in OperationId as Op<Id>['method']]: OperationMethod<Id, Pins> };
