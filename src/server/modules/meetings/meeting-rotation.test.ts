import { describe, expect, it } from 'vitest';
import { proposeHost } from './meeting-rotation.ts';

describe('proposeHost', () => {
  it('alternates two sides after the last host (津长: 两市轮值)', () => {
    expect(proposeHost(['a', 'b'], 'a')).toEqual({ side: 'b', proposal: 'rotation' });
    expect(proposeHost(['a', 'b'], 'b')).toEqual({ side: 'a', proposal: 'rotation' });
    expect(proposeHost(['b', 'a'], 'b')).toEqual({ side: 'a', proposal: 'rotation' });
  });
  it("starts with the order's first side when nothing has been held", () => {
    expect(proposeHost(['b', 'a'], null)).toEqual({ side: 'b', proposal: 'first' });
  });
  it('keeps one side when the order names one', () => {
    expect(proposeHost(['a'], 'a')).toEqual({ side: 'a', proposal: 'rotation' });
  });
  it('proposes nothing without a rotation', () => {
    expect(proposeHost([], 'a')).toEqual({ side: null, proposal: 'none' });
  });
});
