import { describe, it, expect } from 'vitest';
import { containing, startingWith } from './like-pattern.ts';

describe('LIKE patterns from search text', () => {
  it('escapes the wildcards and the escape character, and nothing else', () => {
    expect(containing('%')).toBe('%\\%%');
    expect(containing('a_b')).toBe('%a\\_b%');
    expect(startingWith('C:\\dir')).toBe('C:\\\\dir%');
    expect(containing('吉林')).toBe('%吉林%');
  });
});
