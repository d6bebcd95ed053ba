import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFromArgs } from './main.js';

const io = (env: Record<string, string | undefined> = {}) => ({ stdout: () => undefined, stderr: () => undefined, env });

describe('--metrics-port and the metrics token', () => {
  it('serves /metrics on its own port only, behind the token from ATLAS_PROXY_METRICS_TOKEN', async () => {
    const running = await startFromArgs(
      ['node', 'proxy', '--demo', '--port', '0', '--metrics-port', '0', '--log-level', 'silent', '--drain-delay', '0'],
      io({ ATLAS_PROXY_METRICS_TOKEN: 'scrape-me' }),
    );
    try {
      expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
      expect(running.metricsUrl).toBeDefined();
      expect((await fetch(`${running.metricsUrl}/metrics`)).status).toBe(401);
      const scraped = await fetch(`${running.metricsUrl}/metrics`, { headers: { authorization: 'Bearer scrape-me' } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('atlas_proxy_request_duration_seconds');
      expect((await fetch(`${running.metricsUrl}/api/atlas/v2/groups`)).status).toBe(404);
      const posted = await fetch(`${running.metricsUrl}/metrics`, { method: 'POST' });
      expect(posted.status).toBe(405);
      expect(posted.headers.get('allow')).toBe('GET, HEAD');
    } finally {
      await running.stop();
    }
  });

  it('reads the token from --metrics-token-file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'metrics-token-')), 'token');
    writeFileSync(file, 'from-a-file\n');
    const running = await startFromArgs(
      ['node', 'proxy', '--demo', '--port', '0', '--metrics-token-file', file, '--log-level', 'silent', '--drain-delay', '0'],
      io(),
    );
    try {
      expect((await fetch(`${running.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${running.url}/metrics`, { headers: { authorization: 'Bearer from-a-file' } })).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('refuses an --upstream-ca file that holds no certificate', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem');
    writeFileSync(file, 'not a certificate');
    await expect(
      startFromArgs(
        ['node', 'proxy', '--auth-mode', 'passthrough', '--port', '0', '--upstream-ca', file, '--log-level', 'silent'],
        io(),
      ),
    ).rejects.toThrow(/holds no PEM certificate/);
  });
});
