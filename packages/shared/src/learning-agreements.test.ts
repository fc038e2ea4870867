import { describe, expect, it } from 'vitest';
import { awaitedSide, changeProblems, diffComponents, inForce, totalCredits } from './learning-agreements.js';

const chinese = { code: 'CHN101', title: 'Chinese I', credits: 4 };
const culture = { code: 'CUL110', title: 'Chinese culture', credits: 2 };

describe('changeProblems', () => {
  it('accepts components kept as they are, added and removed ones with reasons', () => {
    const proposed = [
      chinese,
      { ...culture, change: 'removed' as const, reason: 'Clash' },
      { code: 'CAL1', title: 'Calligraphy', credits: 2, change: 'added' as const, reason: 'Instead' },
    ];
    expect(changeProblems(proposed, [chinese, culture])).toEqual([]);
  });

  it('names each component a change proposal gets wrong', () => {
    const codes = (proposed: Parameters<typeof changeProblems>[0]) => changeProblems(proposed, [chinese, culture]).map((p) => `${p.index}:${p.code}`);
    expect(codes([chinese, { ...culture, change: 'removed' }])).toEqual(['1:reason_required']);
    expect(codes([chinese])).toEqual(['null:silently_dropped']);
    expect(codes([chinese, culture, { code: 'NEW', title: 'New', credits: 1 }])).toEqual(['2:unmarked_addition']);
    expect(codes([{ ...chinese, change: 'added', reason: 'x' }, culture])).toEqual(['0:already_in_force']);
    expect(codes([chinese, culture, { code: 'GONE', title: 'Gone', credits: 1, change: 'removed', reason: 'x' }])).toEqual(['2:not_in_force']);
    expect(codes([{ ...chinese, credits: 6 }, culture])).toEqual(['0:changed_in_place']);
  });

  it('tells components apart by code, whatever the case or spaces', () => {
    expect(changeProblems([{ ...chinese, code: ' chn101 ' }, culture], [chinese, culture])).toEqual([]);
  });
});

describe('the version in force and its history', () => {
  it('leaves removed components out of what is in force and of the credits', () => {
    const version = [chinese, { ...culture, change: 'removed' as const }];
    expect(inForce(version)).toEqual([chinese]);
    expect(totalCredits(version)).toBe(4);
  });

  it('shows what a version adds and removes', () => {
    const calligraphy = { code: 'CAL1', title: 'Calligraphy', credits: 2 };
    expect(diffComponents([chinese, culture], [chinese, calligraphy])).toEqual({ added: [calligraphy], removed: [culture], kept: [chinese] });
  });

  it('waits for the sending office before the receiving one', () => {
    expect(awaitedSide({ student: {}, sending: null, receiving: null })).toBe('sending');
    expect(awaitedSide({ student: {}, sending: {}, receiving: null })).toBe('receiving');
    expect(awaitedSide({ student: {}, sending: {}, receiving: {} })).toBeNull();
  });
});
