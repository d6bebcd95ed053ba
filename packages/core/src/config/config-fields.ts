import type { ConfigField } from './types.js';

/** How each field is named on the command line, in the environment and in `config.toml`. */
export const CONFIG_FIELDS: Readonly<Record<ConfigField, { readonly env: string; readonly key: string }>> = {
  clientId: { env: 'MONGODB_ATLAS_CLIENT_ID', key: 'client_id' },
  clientSecret: { env: 'MONGODB_ATLAS_CLIENT_SECRET', key: 'client_secret' },
  publicApiKey: { env: 'MONGODB_ATLAS_PUBLIC_API_KEY', key: 'public_api_key' },
  privateApiKey: { env: 'MONGODB_ATLAS_PRIVATE_API_KEY', key: 'private_api_key' },
  accessToken: { env: 'MONGODB_ATLAS_ACCESS_TOKEN', key: 'access_token' },
  projectId: { env: 'MONGODB_ATLAS_PROJECT_ID', key: 'project_id' },
  baseUrl: { env: 'MONGODB_ATLAS_OPS_MANAGER_URL', key: 'ops_manager_url' },
  service: { env: 'MONGODB_ATLAS_SERVICE', key: 'service' },
  output: { env: 'MONGODB_ATLAS_OUTPUT', key: 'output' },
};

/** The environment variable naming the profile. */
export const PROFILE_ENV = 'MONGODB_ATLAS_PROFILE';

/** Atlas's public endpoint, used when nothing else names one. */
const DEFAULT_BASE_URL = 'https://cloud.mongodb.com';

/**
 * The base URL of each `service` an Atlas CLI profile may name (`cloud` is the default):
 * `cloudgov` is Atlas for Government.
 */
export const SERVICE_BASE_URLS: Readonly<Record<string, string>> = {
  cloud: DEFAULT_BASE_URL,
  cloudgov: 'https://cloud.mongodbgov.com',
};
