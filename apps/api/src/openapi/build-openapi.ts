import { ApiError, Checkpoint, CheckpointPage, ClusterPage, GroupPage } from '@atlas-checkpoints/core';

const json = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const MEDIA = 'application/vnd.atlas.2023-01-01+json';

const query = (name: string, schema: object, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const path = (name: string, pattern: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern },
});

const common = [
  query('envelope', { type: 'boolean', default: false }, 'Wrap the response in an envelope with its status.'),
  query('pretty', { type: 'boolean', default: false }, 'Indent the JSON body.'),
];
const listParams = [
  ...common,
  query('pageNum', { type: 'integer', minimum: 1, default: 1 }, 'Page number, from 1.'),
  query('itemsPerPage', { type: 'integer', minimum: 1, maximum: 500, default: 100 }, 'Items per page.'),
  query('includeCount', { type: 'boolean', default: true }, 'Return totalCount.'),
];
const groupId = path('groupId', '^([a-f0-9]{24})$', 'Project id.');
const clusterName = path('clusterName', '^[a-zA-Z0-9][a-zA-Z0-9-]*$', 'Cluster name.');
const checkpointId = path('checkpointId', '^([a-f0-9]{24})$', 'Checkpoint id.');

function operation(operationId: string, summary: string, parameters: object[], schema: string) {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('ApiError') } } });
  return {
    get: {
      operationId,
      summary,
      parameters,
      responses: {
        '200': {
          description: 'OK (served from the cache when fresh; see Cache-Status).',
          content: { [MEDIA]: { schema: ref(schema) } },
        },
        '304': { description: 'Not Modified (If-None-Match matched the ETag).' },
        '400': error('Bad Request.'),
        '401': error('Unauthorized.'),
        '404': error('Not Found.'),
        '406': error('Not Acceptable.'),
        '429': error('Too Many Requests (from Atlas, when no stale copy may be served).'),
        '502': error('Atlas could not be reached.'),
        '504': error('Atlas did not answer in time.'),
      },
    },
  };
}

/**
 * The proxy's OpenAPI 3.1 document, with component schemas generated from core's TypeBox schemas.
 *
 * @example
 * const doc = buildOpenApi(); // serve as /openapi.json
 */
export function buildOpenApi(): Record<string, unknown> {
  const V2 = '/api/atlas/v2';
  return {
    openapi: '3.1.0',
    info: {
      title: 'atlas-checkpoints-proxy',
      version: '2023-01-01',
      description:
        'A caching proxy for the MongoDB Atlas legacy backup checkpoints API: the same paths, parameters and bodies as Atlas.',
    },
    paths: {
      [`${V2}/groups`]: operation('listProjects', 'Return all projects', listParams, 'GroupPage'),
      [`${V2}/groups/{groupId}/clusters`]: operation(
        'listClusters',
        'Return all clusters in one project',
        [...listParams, groupId],
        'ClusterPage',
      ),
      [`${V2}/groups/{groupId}/clusters/{clusterName}/backupCheckpoints`]: operation(
        'listClusterBackupCheckpoints',
        'Return all legacy backup checkpoints',
        [...listParams, groupId, clusterName],
        'CheckpointPage',
      ),
      [`${V2}/groups/{groupId}/clusters/{clusterName}/backupCheckpoints/{checkpointId}`]: operation(
        'getClusterBackupCheckpoint',
        'Return one legacy backup checkpoint',
        [...common, groupId, clusterName, checkpointId],
        'Checkpoint',
      ),
    },
    components: {
      schemas: {
        ApiError: json(ApiError),
        Checkpoint: json(Checkpoint),
        CheckpointPage: json(CheckpointPage),
        ClusterPage: json(ClusterPage),
        GroupPage: json(GroupPage),
      },
    },
  };
}
