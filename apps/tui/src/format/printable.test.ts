import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../source/types.js';
import { detailLines } from './detail-lines.js';
import { cell } from './fit.js';
import { printable } from './printable.js';

const ESC = '\u001b';

describe('printable', () => {
  it('replaces C0, DEL and C1 controls and keeps everything else', () => {
    expect(printable(`a${ESC}[2Jb\u0007c\rd\u007fe\u009bf`)).toBe('a\uFFFD[2Jb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(printable('Cluster0 › prod — ünïcode')).toBe('Cluster0 › prod — ünïcode');
  });

  it('shows bidi overrides and zero-width characters as code points, keeping emoji ZWJ sequences', () => {
    expect(printable('invoice\u202Efdp.exe')).toBe('invoice<U+202E>fdp.exe');
    expect(printable('a\u200Bb\u200Dc\u2066d\u200Fe\uFEFF')).toBe('a<U+200B>b<U+200D>c<U+2066>d<U+200F>e<U+FEFF>');
    expect(printable('\u200Dx\u{1F468}\u200D')).toBe('<U+200D>x\u{1F468}<U+200D>');
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(printable(`team ${family} \u{1F3F3}\uFE0F\u200D\u{1F308}`)).toBe(`team ${family} \u{1F3F3}\uFE0F\u200D\u{1F308}`);
    expect(cell('rs\u202E0', 20)).toContain('<U+202E>');
  });

  it('guards table cells and detail lines against escape sequences from the API', () => {
    expect(cell(`rs${ESC}]0;owned${'\u0007'}`, 20)).not.toContain(ESC);
    const checkpoint: Checkpoint = {
      id: '0123456789abcdef01234567',
      parts: [{ replicaSetName: `rs0${ESC}[31m`, typeName: 'REPLICA_SET' }],
      links: [{ rel: 'self', href: `https://x${ESC}]52;c;aGk=\u0007` }],
    };
    const text = detailLines(checkpoint, 0).join('\n');
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
  });
});
