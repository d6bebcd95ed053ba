import { describe, expect, it } from 'vitest';
import { groupIdOf } from './options.js';
import { isUsageError } from './usage-error.js';

const A = 'a'.repeat(24);
const B = 'b'.repeat(24);

describe('groupIdOf', () => {
  it('takes --groupId or its alias --projectId, and accepts both when they agree', () => {
    expect(groupIdOf({ groupId: A })).toBe(A);
    expect(groupIdOf({ projectId: B })).toBe(B);
    expect(groupIdOf({ groupId: A, projectId: A })).toBe(A);
    expect(groupIdOf({})).toBeUndefined();
  });

  it('is a usage error when --groupId and --projectId disagree, instead of silently picking one', () => {
    let caught: unknown;
    try {
      groupIdOf({ groupId: A, projectId: B });
    } catch (error) {
      caught = error;
    }
    expect(isUsageError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/--groupId .* --projectId .* disagree/);
  });
});
