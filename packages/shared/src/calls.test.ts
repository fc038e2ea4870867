import { describe, expect, it } from 'vitest';
import { isCallOpen } from './calls.js';

describe('isCallOpen', () => {
  const opensAt = new Date('2026-03-01T00:00:00Z');
  const closesAt = new Date('2026-04-01T00:00:00Z');
  const call = { status: 'published', opensAt, closesAt };

  it('is open from the opening instant up to, not including, the closing instant', () => {
    expect(isCallOpen(call, new Date(opensAt.getTime() - 1))).toBe(false);
    expect(isCallOpen(call, opensAt)).toBe(true);
    expect(isCallOpen(call, new Date(closesAt.getTime() - 1))).toBe(true);
    expect(isCallOpen(call, closesAt)).toBe(false);
  });

  it('is never open unless published', () => {
    for (const status of ['draft', 'cancelled']) expect(isCallOpen({ ...call, status }, opensAt)).toBe(false);
  });
});
