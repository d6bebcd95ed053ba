import { describe, expect, it } from 'vitest';
import { truncationNote } from './list-command.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }));
const next = [{ rel: 'next', href: 'https://x/y?pageNum=2' }];

describe('truncationNote', () => {
  it('says how much of the list one page shows, and how to get the rest', () => {
    expect(truncationNote({ results: rows(100), totalCount: 500, links: next }, 1, 100)).toBe('100 of 500 — use --all');
    expect(truncationNote({ results: rows(100), totalCount: 500 }, 3, 100)).toBe('201-300 of 500 — use --all');
    expect(truncationNote({ results: [], totalCount: 5 }, 9, 100)).toBe('none of 5 — use --all');
    expect(truncationNote({ results: rows(50), links: next }, 1, 50)).toBe('50 shown, more on later pages — use --all');
  });

  it('says nothing when the page is the whole list', () => {
    expect(truncationNote({ results: rows(3), totalCount: 3 }, 1, 100)).toBeUndefined();
    expect(truncationNote({ results: rows(3) }, 1, 100)).toBeUndefined();
  });
});
