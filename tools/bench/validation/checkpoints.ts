/** Deterministic, realistic checkpoint pages for the validation benchmark (no dependency on testkit). */

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (random: () => number, digits: number) =>
  Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');

/** An ObjectId whose first 4 bytes are `seconds`, as real ones are. */
const objectId = (seconds: number, random: () => number) => seconds.toString(16).padStart(8, '0') + hex(random, 16);

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * `pages` pages of `perPage` checkpoints each for one sharded cluster (legacy checkpoints exist only
 * for sharded clusters: a part per shard plus the config server; two shards, three for every third
 * checkpoint after a resharding, to mix shapes), as JSON text the way Atlas sends it. With
 * `nulls`, every config server part carries `"shardName": null`, as a sloppier server might send.
 *
 * @example
 * const [first] = checkpointPages({ seed: 42, pages: 1, perPage: 500 });
 */
export function checkpointPages(options: { seed: number; pages: number; perPage: number; nulls?: boolean }): string[] {
  const random = mulberry32(options.seed);
  const start = 1_714_000_000;
  const groupId = objectId(start - 86_400 * 400, random);
  const clusterId = objectId(start - 86_400 * 300, random);
  const base = `https://cloud.mongodb.com/api/atlas/v2/groups/${groupId}/clusters/Cluster0/backupCheckpoints`;
  const total = options.pages * options.perPage;
  const out: string[] = [];
  for (let page = 1; page <= options.pages; page += 1) {
    const results = [];
    for (let index = 0; index < options.perPage; index += 1) {
      const at = start + ((page - 1) * options.perPage + index) * 21_600;
      const id = objectId(at, random);
      const shards = index % 3 === 2 ? 3 : 2;
      const part = (name: string) => ({
        replicaSetName: `atlas-q1w2e3-${name}`,
        shardName: `atlas-q1w2e3-${name}`,
        tokenDiscovered: true,
        tokenTimestamp: { date: iso(at), increment: 1 + Math.floor(random() * 8) },
        typeName: 'REPLICA_SET',
      });
      const config = {
        replicaSetName: 'atlas-q1w2e3-config-0',
        ...(options.nulls ? { shardName: null } : {}),
        tokenDiscovered: true,
        tokenTimestamp: { date: iso(at), increment: 1 + Math.floor(random() * 8) },
        typeName: 'CONFIG_SERVER_REPLICA_SET',
      };
      const parts = [...Array.from({ length: shards }, (_, shard) => part(`shard-${shard}`)), config];
      results.push({
        clusterId,
        completed: iso(at + 4 + Math.floor(random() * 30)),
        groupId,
        id,
        links: [{ href: `${base}/${id}`, rel: 'self' }],
        parts,
        restorable: random() > 0.02,
        started: iso(at - 2),
        timestamp: iso(at),
      });
    }
    const links = [{ href: `${base}?pageNum=${page}&itemsPerPage=${options.perPage}`, rel: 'self' }];
    if (page < options.pages) links.push({ href: `${base}?pageNum=${page + 1}&itemsPerPage=${options.perPage}`, rel: 'next' });
    out.push(JSON.stringify({ links, results, totalCount: total }));
  }
  return out;
}
