import { execFileSync } from 'node:child_process';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../release/workspace.js';
import { headingSlugs, localLinks } from './links.js';

describe('localLinks', () => {
  it('keeps relative links with their fragment and ignores URLs, anchors and code', () => {
    const md = [
      '[a](apps/api/README.md#deploy-the-proxy) [b](https://x.dev) [c](#top) [d](CONTRIBUTING.md)',
      '```md',
      '[e](nope.md)',
      '```',
    ].join('\n');
    expect(localLinks(md)).toEqual([
      { text: 'a', path: 'apps/api/README.md', fragment: 'deploy-the-proxy' },
      { text: 'd', path: 'CONTRIBUTING.md' },
    ]);
  });
});

describe('headingSlugs', () => {
  it('slugs headings as GitHub does', () => {
    expect(
      headingSlugs(
        '# The proxy: `atlas-checkpoints-proxy`\n## Deploy the proxy\n## Deploy the proxy\n```sh\n# not a heading\n```',
      ),
    ).toEqual(['the-proxy-atlas-checkpoints-proxy', 'deploy-the-proxy', 'deploy-the-proxy-1']);
  });
});

describe('links in the committed root README and CONTRIBUTING', () => {
  const committed = new Set(execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n'));
  const show = (path: string) => execFileSync('git', ['show', `HEAD:${path}`], { cwd: repoRoot, encoding: 'utf8' });

  for (const doc of ['README.md', 'CONTRIBUTING.md']) {
    it(`${doc}: every relative link names a committed file, and every #fragment a heading in it`, () => {
      const broken: string[] = [];
      for (const link of localLinks(show(doc))) {
        const path = normalize(join(dirname(doc), link.path)).replace(/\/$/, '');
        const isDir = [...committed].some((f) => f.startsWith(`${path}/`));
        if (!committed.has(path) && !isDir) broken.push(`${link.path} (not committed)`);
        else if (link.fragment !== undefined && !headingSlugs(show(path)).includes(link.fragment)) {
          broken.push(`${link.path}#${link.fragment} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
