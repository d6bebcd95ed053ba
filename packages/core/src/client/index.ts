export { createAtlasClient } from './create-atlas-client.js';
export type { AtlasClient } from './create-atlas-client.js';
export type { AtlasClientOptions, ResponseInfo, RetryOptions } from './options.js';
export type { GetCheckpointParams, ListCheckpointsParams, ListClustersParams, ListOptions } from './params.js';
export type { Sleep } from './sleep.js';
