/**
 * @atlas-checkpoints/testkit: deterministic fixtures and a fake MongoDB Atlas (an in-process
 * `fetch` and a real HTTP server) with Digest/OAuth auth, fault injection and a request log.
 */
export { DEMO_PROJECT_NAME, generateDemoFixtures, generateFixtures } from './fixtures/generate-fixtures.js';
export { cloudRestoreJobAt, legacyRestoreJobAt, RESTORE_STEPS } from './fixtures/restore-progress.js';
export { generateCheckpoints } from './fixtures/generate-checkpoints.js';
export type { CheckpointStreamOptions } from './fixtures/generate-checkpoints.js';
export { createRandom } from './fixtures/prng.js';
export type { Random } from './fixtures/prng.js';
export { createObjectIdFactory, objectIdTime } from './fixtures/object-id.js';
export type { ObjectIdFactory } from './fixtures/object-id.js';
export type { ClusterBackupData, FixtureCluster, FixtureOptions, FixtureProject, Fixtures } from './fixtures/types.js';
export { createFakeAtlas } from './fake/create-fake-atlas.js';
export type { FakeAtlas, FakeAtlasOptions } from './fake/create-fake-atlas.js';
export type { FaultController, FaultKind, FaultRule, LatencySetting } from './fake/faults.js';
export type { RateLimitOptions } from './fake/rate-limit.js';
export type { LoggedRequest } from './fake/request-log.js';
export type { ListenOptions, RunningServer } from './fake/listen.js';
export type { RouteName } from './fake/route-names.js';
export type { FakeApiKey, FakeAuthOptions, FakeServiceAccount } from './auth/types.js';
export { ATLAS_CONTENT_TYPE } from './fake/content-type.js';
export { createSpecValidator } from './spec/spec-validator.js';
export type { SpecValidationResult, SpecValidator, SpecValidatorOptions } from './spec/spec-validator.js';
export { defaultSpecPath, defaultSpecPaths } from './spec/default-spec-path.js';
export { createVersionSweep } from './spec/version-sweep.js';
export { startForwardProxy } from './network/forward-proxy.js';
export type { ForwardProxy } from './network/forward-proxy.js';
export { createSelfSignedCertificate } from './network/self-signed-certificate.js';
export type { SelfSignedCertificate } from './network/self-signed-certificate.js';
