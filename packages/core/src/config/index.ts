export { resolveConfig } from './resolve-config.js';
export { defaultConfigPath } from './config-path.js';
export { describeSource } from './describe-source.js';
export type { ConfigField, ConfigFlags, ConfigSources, FieldSource, ResolveConfigOptions, ResolvedConfig } from './types.js';
