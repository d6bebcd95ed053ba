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
