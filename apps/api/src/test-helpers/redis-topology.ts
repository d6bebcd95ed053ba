import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, killChild } from './redis-server.js';

const run = promisify(execFile);

/** A `redis-server` process the test owns, in its own temp dir. */
export interface RedisProcess {
  readonly port: number;
  readonly child: ChildProcess;
}

/** Servers a test started, stopped by PID and their temp dirs removed by `close()`. */
export interface RedisTopology {
  close(): Promise<void>;
}

// Servers still running when the test process exits (a failed setup, a crashed worker) die with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
});

/** Spawns `redis-server` with `args` in `dir` and resolves once its log shows `ready`. */
async function spawnRedis(dir: string, args: readonly string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn('redis-server', [...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server ${args.join(' ')} exited with ${code}: ${output.slice(-500)}`)));
  });
  return child;
}

const BASE = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];

async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout;
}

/** A self-signed certificate for 127.0.0.1 (it is its own CA), made by `openssl` in `dir`. */
async function selfSigned(dir: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  return { cert, key };
}

/** `redis-server` arguments for TLS only (no plain port) with `cert`, not asking clients for certificates. */
function tlsArgs(port: number, { cert, key }: { cert: string; key: string }): string[] {
  return [
    '--port',
    '0',
    '--tls-port',
    String(port),
    '--tls-cert-file',
    cert,
    '--tls-key-file',
    key,
    '--tls-ca-cert-file',
    cert,
    '--tls-auth-clients',
    'no',
  ];
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Stops `children` by PID and removes `dir`. */
function closer(dir: string, children: () => ChildProcess[]): () => Promise<void> {
  return async () => {
    for (const child of children()) await killChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * A Redis Cluster of `masters` masters and no replicas on loopback (`redis-cli --cluster create`),
 * each node on a free port with its cluster bus on another (`cluster-port`), resolved once every
 * node reports `cluster_state:ok`. With `tls`, clients and the cluster bus speak TLS only, with a
 * self-signed certificate whose PEM is `ca`.
 */
export async function startRedisCluster(
  masters = 3,
  options: { tls?: boolean } = {},
): Promise<RedisTopology & { readonly nodes: RedisProcess[]; readonly ca?: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-redis-cluster-'));
  const nodes: RedisProcess[] = [];
  const close = closer(dir, () => nodes.map((node) => node.child));
  try {
    const certs = options.tls ? await selfSigned(dir) : undefined;
    const cli = certs ? ['--tls', '--cacert', certs.cert] : [];
    for (let i = 0; i < masters; i += 1) {
      const [port, bus] = [await freePort(), await freePort()];
      const child = await spawnRedis(
        dir,
        [
          ...BASE,
          ...(certs ? [...tlsArgs(port, certs), '--tls-cluster', 'yes'] : ['--port', String(port)]),
          '--cluster-enabled',
          'yes',
          '--cluster-port',
          String(bus),
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '2000',
        ],
        /Ready to accept connections/,
      );
      nodes.push({ port, child });
    }
    await run('redis-cli', [
      ...cli,
      '--cluster',
      'create',
      ...nodes.map((node) => `127.0.0.1:${node.port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (const node of nodes) {
      await until(
        async () => (await redisCli(node.port, ...cli, 'cluster', 'info')).includes('cluster_state:ok'),
        'cluster_state:ok',
      );
    }
    return { nodes, close, ...(certs ? { ca: readFileSync(certs.cert, 'utf8') } : {}) };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A master, one replica and two sentinels (quorum 1, master down after 500 ms) on loopback,
 * monitoring master group `mymaster`; resolved once both sentinels know the replica and each other
 * (so a failover can be authorised). With `tls`, every server and sentinel speaks TLS only
 * (replication and sentinel links included), with a self-signed certificate whose PEM is `ca`.
 */
export async function startRedisSentinel(options: { tls?: boolean } = {}): Promise<
  RedisTopology & {
    readonly master: RedisProcess;
    readonly replica: RedisProcess;
    readonly sentinels: RedisProcess[];
    readonly name: string;
    readonly ca?: string;
    /** `redis-cli` arguments that reach these servers (TLS and its CA, or nothing). */
    readonly cli: readonly string[];
  }
> {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-redis-sentinel-'));
  const name = 'mymaster';
  const children: ChildProcess[] = [];
  const close = closer(dir, () => children);
  try {
    const certs = options.tls ? await selfSigned(dir) : undefined;
    const cli = certs ? ['--tls', '--cacert', certs.cert] : [];
    const listen = (port: number) => (certs ? [...tlsArgs(port, certs), '--tls-replication', 'yes'] : ['--port', String(port)]);
    const masterPort = await freePort();
    const master = { port: masterPort, child: await spawnRedis(dir, [...BASE, ...listen(masterPort)], /Ready to accept/) };
    children.push(master.child);
    const replicaPort = await freePort();
    const replica = {
      port: replicaPort,
      child: await spawnRedis(
        dir,
        [...BASE, ...listen(replicaPort), '--replicaof', '127.0.0.1', String(masterPort)],
        /MASTER <-> REPLICA sync: Finished with success/,
      ),
    };
    children.push(replica.child);
    const sentinels: RedisProcess[] = [];
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const conf = join(dir, `sentinel-${port}.conf`);
      const tls = certs
        ? [
            'port 0',
            `tls-port ${port}`,
            `tls-cert-file ${certs.cert}`,
            `tls-key-file ${certs.key}`,
            `tls-ca-cert-file ${certs.cert}`,
            'tls-auth-clients no',
            'tls-replication yes',
          ]
        : [`port ${port}`];
      writeFileSync(
        conf,
        [
          ...tls,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
          `sentinel down-after-milliseconds ${name} 500`,
          `sentinel failover-timeout ${name} 1000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      const child = await spawnRedis(dir, [conf, '--sentinel'], /Sentinel ID is/);
      children.push(child);
      sentinels.push({ port, child });
    }
    for (const sentinel of sentinels) {
      await until(async () => {
        const info = await redisCli(sentinel.port, ...cli, 'sentinel', 'master', name);
        return /num-slaves\n1\n/.test(info) && /num-other-sentinels\n1\n/.test(info);
      }, 'the sentinels to know the replica and each other');
    }
    return { master, replica, sentinels, name, cli, close, ...(certs ? { ca: readFileSync(certs.cert, 'utf8') } : {}) };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The port of the master the sentinel on `sentinelPort` names now. */
export async function sentinelMasterPort(sentinelPort: number, name: string, cli: readonly string[] = []): Promise<number> {
  const [, port] = (await redisCli(sentinelPort, ...cli, 'sentinel', 'get-master-addr-by-name', name)).trim().split('\n');
  return Number(port);
}

/**
 * One `redis-server` accepting only TLS on a free port, with a self-signed certificate for
 * 127.0.0.1 made by `openssl`; `ca` is that certificate (PEM), the CA a client must trust.
 */
export async function startRedisTls(): Promise<
  RedisTopology & { readonly port: number; readonly ca: string; readonly caFile: string }
> {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-redis-tls-'));
  const children: ChildProcess[] = [];
  const close = closer(dir, () => children);
  try {
    const certs = await selfSigned(dir);
    const port = await freePort();
    children.push(await spawnRedis(dir, [...BASE, ...tlsArgs(port, certs)], /Ready to accept/));
    return { port, ca: readFileSync(certs.cert, 'utf8'), caFile: certs.cert, close };
  } catch (error) {
    await close();
    throw error;
  }
}
