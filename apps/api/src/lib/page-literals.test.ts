import { describe, expect, it } from 'vitest';
import { pageLiterals } from './page-literals.js';

describe('page literals', () => {
  it('writes the usual page sizes and their first pages into the statement', () => {
    expect(pageLiterals(20, 0)).toEqual({ limit: 20, offset: 0 });
    expect(pageLiterals(50, 450)).toEqual({ limit: 50, offset: 450 });
  });

  it('leaves a deeper or unaligned page, or an unusual size, to parameters, so a caller cannot make statements without end', () => {
    expect(pageLiterals(50, 500)).toEqual({ limit: 50, offset: null });
    expect(pageLiterals(20, 7)).toEqual({ limit: 20, offset: null });
    expect(pageLiterals(37, 0)).toEqual({ limit: null, offset: null });
    const texts = new Set<string>();
    for (let limit = 1; limit <= 100; limit++) {
      for (let offset = 0; offset <= 2_000; offset += 7) texts.add(JSON.stringify(pageLiterals(limit, offset)));
    }
    // 7 sizes × 10 pages written out, and one shape of parameters for every other page.
    expect(texts.size).toBeLessThanOrEqual(7 * 10 + 7 + 1);
  });
});
