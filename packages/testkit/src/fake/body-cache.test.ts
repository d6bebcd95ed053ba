import { describe, expect, it } from 'vitest';
import { createBodyCache } from './body-cache.js';

describe('createBodyCache', () => {
  it('renders once per key and evicts the oldest beyond the limit', () => {
    let renders = 0;
    const cache = createBodyCache(2);
    const render = (text: string) => () => {
      renders++;
      return text;
    };
    expect(cache.get('a', render('A'))).toBe('A');
    expect(cache.get('a', render('other'))).toBe('A');
    cache.get('b', render('B'));
    cache.get('c', render('C'));
    expect(cache.get('a', render('A2'))).toBe('A2');
    expect(renders).toBe(4);
  });

  it('limit 0 disables memoisation', () => {
    const cache = createBodyCache(0);
    cache.get('a', () => 'A');
    expect(cache.get('a', () => 'B')).toBe('B');
  });
});
