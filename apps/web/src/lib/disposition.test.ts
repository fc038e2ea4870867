import { describe, expect, it } from 'vitest';
import { dispositionName } from './disposition';

describe('the file name of a download', () => {
  it('prefers the UTF-8 name', () => {
    expect(dispositionName(`attachment; filename="nominations.csv"; filename*=UTF-8''%E6%8E%A8%E8%8D%90-2026.csv`)).toBe('推荐-2026.csv');
  });
  it('reads a quoted or a bare name', () => {
    expect(dispositionName('attachment; filename="applications-2026-11-28.xlsx"')).toBe('applications-2026-11-28.xlsx');
    expect(dispositionName('attachment; filename=registrations.csv')).toBe('registrations.csv');
  });
  it('falls back to the plain name when the UTF-8 one is malformed', () => {
    expect(dispositionName(`attachment; filename="list.csv"; filename*=UTF-8''%E6%ZZ`)).toBe('list.csv');
  });
  it('has no name without a header or without a file name', () => {
    expect(dispositionName(null)).toBeUndefined();
    expect(dispositionName('attachment')).toBeUndefined();
  });
});
