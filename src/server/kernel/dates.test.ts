import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaToday } from './dates.ts';

describe("today's date in China", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns at midnight China time (16:00 UTC), also when it is asked again and again, and when the clock goes back', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-06-14T15:59:59.999Z'));
    expect(chinaToday()).toBe('2026-06-14');
    expect(chinaToday()).toBe('2026-06-14');
    vi.setSystemTime(new Date('2026-06-14T16:00:00.000Z'));
    expect(chinaToday()).toBe('2026-06-15');
    vi.setSystemTime(new Date('2026-12-31T23:59:00Z'));
    expect(chinaToday()).toBe('2027-01-01');
    vi.setSystemTime(new Date('2026-06-14T08:00:00Z'));
    expect(chinaToday()).toBe('2026-06-14');
    // A given instant is formatted as it is, whatever today is.
    expect(chinaToday(new Date('2026-06-14T16:30:00Z'))).toBe('2026-06-15');
  });
});
