import { describe, expect, it } from 'vitest';
import { typedCode, verificationLook } from './verify';

describe('the code typed on the verification form', () => {
  it('is trimmed of spaces, also inside, as when copied from paper', () => {
    expect(typedCode('  k7qm 3xr9 tb4p ')).toBe('k7qm3xr9tb4p');
    expect(typedCode('K7QM-3XR9-TB4P')).toBe('K7QM-3XR9-TB4P');
  });
  it('is refused when empty, missing or too long', () => {
    expect(typedCode('   ')).toBeNull();
    expect(typedCode(null)).toBeNull();
    expect(typedCode('A'.repeat(41))).toBeNull();
  });
});

describe('the look of an answer', () => {
  it('differs for each status by its mark, not only its colour', () => {
    const marks = (['valid', 'revoked', 'unknown'] as const).map((status) => verificationLook(status).mark);
    expect(new Set(marks).size).toBe(3);
    expect(verificationLook('revoked').notice).toBe('error');
  });
});
