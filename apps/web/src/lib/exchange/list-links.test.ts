import { describe, expect, it } from 'vitest';
import { listParams, withParams } from './list-links';

describe('list links', () => {
  it('keep known parameters and drop blanks and page zero', () => {
    const params = listParams(new URL('http://x/?status=submitted&q=&offset=-3&evil=1&sort=score'), ['status', 'q', 'offset', 'sort']);
    expect(params).toEqual({ status: 'submitted', sort: 'score' });
    expect(withParams(params, { offset: 20 })).toBe('?status=submitted&sort=score&offset=20');
    expect(withParams(params, { status: undefined, offset: 0 })).toBe('?sort=score');
  });
});
