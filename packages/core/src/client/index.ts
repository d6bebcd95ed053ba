export { createAtlasClient } from './create-atlas-client.js';
export { formatRetryAfter, parseRetryAfter } from './retry-after.js';
export { proxyEnv } from './proxy-env.js';
export type { ProxyEnv } from './proxy-env.js';
export type { AtlasClient } from './create-atlas-client.js';
export type {
  NewestVersionOf,
  OperationMethod,
  OperationMethods,
  OperationParams,
  PathParamsOf,
  PinnedVersion,
  ResponseOf,
  VersionOf,
  VersionPins,
} from './operation-types.js';
export type { AtlasClientOptions, DeprecationNotice, ResponseInfo, RetryOptions } from './options.js';
export type { CallOptions, GetCheckpointParams, ListCheckpointsParams, ListClustersParams, ListOptions } from './params.js';
export type { Sleep } from './sleep.js';
