import { describe, expect, it } from 'vitest';
import { newLetterCode, normaliseLetterCode } from './letter-code.js';

describe('letter codes', () => {
  it('are three groups of four Crockford characters, different each time', () => {
    const codes = Array.from({ length: 50 }, newLetterCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('read a typed code the way it was meant', () => {
    expect(normaliseLetterCode('k7qm 3xr9 tb4p')).toBe('K7QM-3XR9-TB4P');
    expect(normaliseLetterCode('OIL0-0000-0000')).toBe('0110-0000-0000');
  });
});
