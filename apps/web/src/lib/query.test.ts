import { describe, expect, it } from 'vitest';
import { changedQuery } from './query';

describe('changedQuery', () => {
  it('sets changed keys in place and removes those changed to null or empty', () => {
    const current = new URLSearchParams('centre=a&status=open&offset=20');
    expect(changedQuery(current, { status: 'closed', offset: null, centre: '' })).toBe('status=closed');
    expect(changedQuery(current, { q: 'chess' })).toBe('centre=a&status=open&offset=20&q=chess');
  });

  it('leaves out form-action keys only when asked', () => {
    const current = new URLSearchParams('offset=20&%2FcheckIn=');
    expect(changedQuery(current)).toBe('offset=20&%2FcheckIn=');
    expect(changedQuery(current, {}, { dropActions: true })).toBe('offset=20');
    expect(changedQuery(current, { offset: null }, { dropActions: true })).toBe('');
  });

  it('does not change the query it was given', () => {
    const current = new URLSearchParams('offset=20');
    changedQuery(current, { offset: null });
    expect(current.toString()).toBe('offset=20');
  });
});
