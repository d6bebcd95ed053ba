import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../fixtures/generate-fixtures.js';
import { createFakeAtlas } from './create-fake-atlas.js';
import { ATLAS_CONTENT_TYPE } from './content-type.js';

const fixtures = generateFixtures({ seed: 42, projects: 3, clustersPerProject: 2, checkpointsPerCluster: 250 });
const fake = createFakeAtlas({ fixtures });
const project = fixtures.projects[0]!;
const groupId = String(project.group.id);
// legacy checkpoints exist only for sharded clusters
const cluster = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const clusterName = String(cluster.cluster.name);
const checkpoints = `/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backupCheckpoints`;
const accept = { accept: 'application/vnd.atlas.2023-01-01+json' };

async function get(path: string, headers: Record<string, string> = accept) {
  const response = await fake.fetch(path, { headers });
  return {
    response,
    text: await response.clone().text(),
    json: (await response.json()) as Record<string, unknown> & { results?: Array<Record<string, unknown>> },
  };
}

describe('fake Atlas routes', () => {
  it('lists projects with the versioned content type, totalCount, links and rate-limit headers', async () => {
    const { response, json } = await get('/api/atlas/v2/groups');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(ATLAS_CONTENT_TYPE);
    expect(response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
    expect(json.totalCount).toBe(3);
    expect(json.results?.map((g) => g.id)).toEqual(fixtures.projects.map((p) => p.group.id));
    expect(json.results?.[0]?.links).toEqual([{ href: `http://fake-atlas.local/api/atlas/v2/groups/${groupId}`, rel: 'self' }]);
    expect(json.links).toEqual([{ href: 'http://fake-atlas.local/api/atlas/v2/groups?itemsPerPage=100&pageNum=1', rel: 'self' }]);
  });

  it('lists clusters and checkpoints of a project', async () => {
    expect((await get(`/api/atlas/v2/groups/${groupId}/clusters`)).json.results?.map((c) => c.name)).toEqual(
      project.clusters.map((c) => c.cluster.name),
    );
    const { json } = await get(checkpoints);
    expect(json.totalCount).toBe(250);
    expect(json.results).toHaveLength(100);
    expect(json.results?.[0]?.id).toBe(cluster.checkpoints[0]?.id);
  });

  it('paginates with pageNum/itemsPerPage and links self, next and previous', async () => {
    const { json } = await get(`${checkpoints}?pageNum=2&itemsPerPage=100`);
    expect(json.results?.[0]?.id).toBe(cluster.checkpoints[100]?.id);
    expect((json.links as Array<{ rel: string }>).map((l) => l.rel)).toEqual(['self', 'next', 'previous']);
    const last = await get(`${checkpoints}?pageNum=3&itemsPerPage=100`);
    expect(last.json.results).toHaveLength(50);
    expect((last.json.links as Array<{ rel: string; href: string }>).map((l) => l.rel)).toEqual(['self', 'previous']);
    const beyond = await get(`${checkpoints}?pageNum=9&itemsPerPage=100`);
    expect(beyond.json.results).toEqual([]);
    expect(beyond.json.totalCount).toBe(250);
  });

  it('omits totalCount when includeCount=false but still links the next page', async () => {
    const { json } = await get(`${checkpoints}?includeCount=false&itemsPerPage=10`);
    expect(json).not.toHaveProperty('totalCount');
    expect((json.links as Array<{ rel: string; href: string }>)[1]).toEqual({
      rel: 'next',
      href: `http://fake-atlas.local${checkpoints}?includeCount=false&itemsPerPage=10&pageNum=2`,
    });
  });

  it('gets one checkpoint with its self link', async () => {
    const id = String(cluster.checkpoints[7]?.id);
    const { json } = await get(`${checkpoints}/${id}`);
    expect(json).toEqual({
      ...cluster.checkpoints[7],
      links: [{ href: `http://fake-atlas.local${checkpoints}/${id}`, rel: 'self' }],
    });
  });

  it('wraps with envelope=true: lists gain status, single resources become { status, content }', async () => {
    const list = await get(`/api/atlas/v2/groups?envelope=true`);
    expect(list.json.status).toBe(200);
    expect(list.json.results).toHaveLength(3);
    const single = await get(`${checkpoints}/${String(cluster.checkpoints[0]?.id)}?envelope=true`);
    expect(Object.keys(single.json)).toEqual(['status', 'content']);
    // An error document already carries its status (`error`): errors are never enveloped or indented.
    const error = await get(`/api/atlas/v2/groups/${'f'.repeat(24)}/clusters?envelope=true&pretty=true`);
    expect(error.response.status).toBe(404);
    expect(error.json).toMatchObject({ error: 404, errorCode: 'GROUP_NOT_FOUND' });
    expect(error.text).not.toContain('\n');
  });

  it('indents with pretty=true and is compact otherwise', async () => {
    expect((await get('/api/atlas/v2/groups?pretty=true')).text).toContain('\n  "links": [');
    expect((await get('/api/atlas/v2/groups')).text).not.toContain('\n');
  });

  it('answers Atlas errors with application/json, X-Error-Code and alphabetical compact bodies', async () => {
    const missing = 'f'.repeat(24);
    const cases: Array<[string, number, string, string]> = [
      [`/api/atlas/v2/groups/${missing}/clusters`, 404, 'GROUP_NOT_FOUND', `No group with ID ${missing} exists.`],
      [
        `/api/atlas/v2/groups/${groupId}/clusters/Nope/backupCheckpoints`,
        404,
        'CLUSTER_NOT_FOUND',
        `No cluster named Nope exists in group ${groupId}.`,
      ],
      [`${checkpoints}/${missing}`, 404, 'CHECKPOINT_NOT_FOUND', `No checkpoint with ID ${missing} exists.`],
      ['/api/atlas/v2/groups/not-an-id/clusters', 400, 'INVALID_ATTRIBUTE', 'Invalid attribute groupId specified.'],
      [
        `/api/atlas/v2/groups/${groupId}/clusters/bad_name/backupCheckpoints`,
        400,
        'INVALID_ATTRIBUTE',
        'Invalid attribute clusterName specified.',
      ],
      [`${checkpoints}/xyz`, 400, 'INVALID_ATTRIBUTE', 'Invalid attribute checkpointId specified.'],
      ['/api/atlas/v2/nothing', 404, 'RESOURCE_NOT_FOUND', 'Cannot find resource /api/atlas/v2/nothing.'],
    ];
    for (const [path, status, errorCode, detail] of cases) {
      const { response, text } = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('x-error-code')).toBe(errorCode);
      expect(text).toBe(
        JSON.stringify({
          detail,
          error: status,
          errorCode,
          parameters: [],
          reason: status === 400 ? 'Bad Request' : 'Not Found',
        }),
      );
    }
  });

  it('validates query parameters with badRequestDetail', async () => {
    const cases: Array<[string, string, string]> = [
      ['itemsPerPage=501', 'INVALID_ITEMS_PER_PAGE', 'itemsPerPage'],
      ['itemsPerPage=0', 'INVALID_ITEMS_PER_PAGE', 'itemsPerPage'],
      ['itemsPerPage=ten', 'INVALID_ITEMS_PER_PAGE', 'itemsPerPage'],
      ['pageNum=0', 'VALIDATION_ERROR', 'pageNum'],
      ['pageNum=1.5', 'VALIDATION_ERROR', 'pageNum'],
      ['includeCount=yes', 'VALIDATION_ERROR', 'includeCount'],
      ['envelope=1', 'VALIDATION_ERROR', 'envelope'],
    ];
    for (const [query, errorCode, field] of cases) {
      const { response, json } = await get(`/api/atlas/v2/groups?${query}`);
      expect(response.status, query).toBe(400);
      expect(json.errorCode).toBe(errorCode);
      expect((json.badRequestDetail as { fields: Array<{ field: string }> }).fields[0]?.field).toBe(field);
    }
  });

  it('negotiates the API version: the first for */*, the newest not later than a date, 406 before the first', async () => {
    expect((await get('/api/atlas/v2/groups', { accept: '*/*' })).response.status).toBe(200);
    expect((await get('/api/atlas/v2/groups', {})).response.status).toBe(200);
    const newer = await get(`/api/atlas/v2/groups/${groupId}/clusters`, { accept: 'application/vnd.atlas.2024-08-05+json' });
    expect(newer.response.headers.get('content-type')).toBe('application/vnd.atlas.2024-08-05+json;charset=utf-8');
    const later = await get('/api/atlas/v2/groups', { accept: 'application/vnd.atlas.2099-01-01+json' });
    expect(later.response.headers.get('content-type')).toBe(ATLAS_CONTENT_TYPE);
    const early = await get('/api/atlas/v2/groups', { accept: 'application/vnd.atlas.2022-12-31+json' });
    expect(early.json).toMatchObject({ errorCode: 'NOT_ACCEPTABLE', reason: 'Not Acceptable' });
    expect((await get('/api/atlas/v2/groups', { accept: 'application/vnd.atlas.latest+json' })).json.errorCode).toBe(
      'INVALID_VERSION_DATE',
    );
    expect((await get('/api/atlas/v2/groups', { accept: 'text/html' })).response.status).toBe(406);
  });

  it('resolves relative URLs and logs requests without credentials', async () => {
    fake.clearRequests();
    await fake.fetch('/api/atlas/v2/groups?pageNum=1', { headers: { authorization: 'Bearer secret-token' } });
    expect(fake.requests()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/atlas/v2/groups',
        query: { pageNum: '1' },
        route: 'listGroups',
        status: 200,
        authScheme: 'bearer',
      }),
    ]);
    expect(JSON.stringify(fake.requests())).not.toContain('secret-token');
  });
});

describe('request log limit', () => {
  it('keeps only the newest requestLogLimit entries', async () => {
    const small = createFakeAtlas({ fixtures, requestLogLimit: 3 });
    for (let pageNum = 1; pageNum <= 5; pageNum++) await small.fetch(`/api/atlas/v2/groups?pageNum=${pageNum}`);
    expect(small.requests().map((r) => r.query.pageNum)).toEqual(['3', '4', '5']);
  });
});
