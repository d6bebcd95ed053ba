/** A relative link in a markdown file: the path part and the `#fragment`, if any. */
export interface LocalLink {
  text: string;
  path: string;
  fragment?: string;
}

/**
 * Relative links of a markdown document (`[text](path#fragment)`), skipping URLs with a scheme,
 * pure `#anchors` and anything inside fenced code blocks.
 *
 * @example
 * localLinks('[api](apps/api/README.md#deploy-the-proxy)'); // [{ text: 'api', path: 'apps/api/README.md', fragment: 'deploy-the-proxy' }]
 */
export function localLinks(markdown: string): LocalLink[] {
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const links: LocalLink[] = [];
  for (const match of prose.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) {
    const [, text = '', target = ''] = match;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    const [path = '', fragment] = target.split('#', 2);
    links.push(fragment === undefined ? { text, path } : { text, path, fragment });
  }
  return links;
}

/**
 * GitHub's anchor slugs for a markdown document's headings (lower case, punctuation dropped,
 * spaces to `-`, repeats suffixed `-1`, `-2`, …).
 *
 * @example
 * headingSlugs('## Deploy the proxy\n## Deploy the proxy'); // ['deploy-the-proxy', 'deploy-the-proxy-1']
 */
export function headingSlugs(markdown: string): string[] {
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const seen = new Map<string, number>();
  const slugs: string[] = [];
  for (const match of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (match[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.push(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}
