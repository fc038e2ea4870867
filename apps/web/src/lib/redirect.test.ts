import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
  it('keeps paths of this site with their query', () => {
    expect(safeRedirectPath('/agreements/1?academicYear=2025/2026')).toBe('/agreements/1?academicYear=2025/2026');
  });

  it.each([
    ['/events/1#top', '/events/1#top'],
    ['/calls/./1', '/calls/1'],
    ['/calls/a/../1', '/calls/1'],
    ['/x?next=//evil.example', '/x?next=//evil.example'],
    ['/%5cevil.example', '/%5cevil.example'],
    ['/%2f%2fevil.example', '/%2f%2fevil.example'],
  ])('keeps %j as the same-site path %j', (value, expected) => {
    expect(safeRedirectPath(value, '/home')).toBe(expected);
  });

  it.each([
    null,
    undefined,
    42,
    '',
    'agreements',
    'https://evil.example/',
    'javascript:alert(1)',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/.//evil.example/x',
    '/..//evil.example/x',
    '/%2e%2e//evil.example',
    '/%2E//evil.example',
    '/a/../..//evil.example',
    '/./\\evil.example',
    '/.\\/evil.example',
    '/\tevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\u0000x',
    `/${'a'.repeat(2001)}`,
  ])('refuses %j', (value) => {
    expect(safeRedirectPath(value, '/home')).toBe('/home');
  });
});
