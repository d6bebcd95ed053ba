export type { AtlasAuth, AuthRequest } from './types.js';
export { none } from './none.js';
export { accessToken } from './access-token.js';
export { serviceAccount } from './service-account.js';
export type { ServiceAccountOptions } from './service-account.js';
export { apiKey } from './api-key.js';
export type { ApiKeyOptions } from './api-key.js';
export { fileTokenCache } from './file-token-cache.js';
export type { CachedToken, TokenCache, TokenCacheKey } from './token-cache.js';
