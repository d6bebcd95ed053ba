import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from './redis-url.js';

describe('Redis cache URLs', () => {
  it('reads one server, with or without TLS', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379/2')).toEqual({
      mode: 'standalone',
      url: 'redis://127.0.0.1:6379/2',
      tls: false,
    });
    expect(parseRedisUrl('rediss://cache.internal:6380')).toMatchObject({ mode: 'standalone', tls: true });
  });

  it('reads sentinels, the master name, a database and the data nodes’ credentials', () => {
    expect(parseRedisUrl('redis-sentinel://app:s%40cret@10.0.0.1:26379,10.0.0.2,[::1]:26380/mymaster/3')).toEqual({
      mode: 'sentinel',
      tls: false,
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
        { host: '::1', port: 26380 },
      ],
      name: 'mymaster',
      db: 3,
      username: 'app',
      password: 's@cret',
    });
    expect(parseRedisUrl('rediss-sentinel://h:1/m')).toMatchObject({ mode: 'sentinel', tls: true, db: 0 });
  });

  it('reads cluster seed nodes', () => {
    expect(parseRedisUrl('redis-cluster://:pw@h1:7000,h2:7001')).toEqual({
      mode: 'cluster',
      tls: false,
      nodes: [
        { host: 'h1', port: 7000 },
        { host: 'h2', port: 7001 },
      ],
      password: 'pw',
    });
    expect(parseRedisUrl('rediss-cluster://h1')).toMatchObject({
      mode: 'cluster',
      tls: true,
      nodes: [{ host: 'h1', port: 6379 }],
    });
  });

  it('refuses what it cannot connect to, with a one-line message and no password in it', () => {
    expect(() => parseRedisUrl('redis-sentinel://h1:26379')).toThrow(/names its master/);
    expect(() => parseRedisUrl('redis-cluster://h1:7000/0')).toThrow(/no path/);
    expect(() => parseRedisUrl('redis-cluster://u:secret@h1:99999')).toThrow(/invalid host:port/);
    expect(() => parseRedisUrl('redis-cluster://u:secret@h1:99999')).not.toThrow(/secret/);
    expect(() => parseRedisUrl('memcached://h1')).toThrow(/redis-sentinel:\/\/host:port/);
    expect(() => parseRedisUrl('redis://:secret@h/abc')).toThrow('invalid Redis database number in redis://:***@h/abc');
    expect(parseRedisUrl('redis://h:6379/3')).toMatchObject({ mode: 'standalone' });
    expect(parseRedisUrl('redis://h:6379/')).toMatchObject({ mode: 'standalone' });
  });
});
