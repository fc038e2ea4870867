import { describe, expect, it } from 'vitest';
import { countdown } from './deadlines';

describe('deadlines', () => {
  it('counts down to the closing instant and stops there', () => {
    const now = new Date('2026-03-30T20:00:00Z');
    expect(countdown('2026-03-31T20:59:00Z', now)).toEqual({ days: 1, hours: 0, minutes: 59 });
    expect(countdown('2026-03-30T20:00:00Z', now)).toBeNull();
  });
});
