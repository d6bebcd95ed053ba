/**
 * @atlas-checkpoints/core: TypeBox schemas and a typed client for the MongoDB Atlas
 * legacy backup checkpoints API.
 */
export * from './schemas/index.js';
export * from './errors/index.js';
export * from './auth/index.js';
export * from './client/index.js';
export * from './pagination/index.js';
export * from './config/index.js';
export * from './wire/index.js';
export * from './restore-points/index.js';
