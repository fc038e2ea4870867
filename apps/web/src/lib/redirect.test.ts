import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
  it('keeps paths of this site with their query', () => {
    expect(safeRedirectPath('/agreements/1?academicYear=2025/2026')).toBe('/agreements/1?academicYear=2025/2026');
  });

  it.each([null, undefined, '', 'agreements', 'https://evil.example/', '//evil.example', '/\\evil.example', '/\u0000x'])(
    'refuses %j',
    (value) => {
      expect(safeRedirectPath(value, '/home')).toBe('/home');
    },
  );
});
