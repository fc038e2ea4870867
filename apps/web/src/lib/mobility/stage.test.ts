import { describe, expect, it } from 'vitest';
import { openStepsOf, stageOf } from './stage';

describe('stageOf', () => {
  it('waits for the admission until the host sets the planned dates', () => {
    expect(stageOf({ status: 'preparing', plannedStart: null, openSteps: [] })).toBe('awaiting_admission');
  });

  it('is at the visa while the visa step is open after admission, admitted once it is done', () => {
    expect(stageOf({ status: 'preparing', plannedStart: '2026-09-01', openSteps: ['insurance', 'visa'] })).toBe('visa');
    expect(stageOf({ status: 'preparing', plannedStart: '2026-09-01', openSteps: ['insurance'] })).toBe('admitted');
  });

  it('is arrived until the registration in either country is done, then registered', () => {
    expect(stageOf({ status: 'abroad', plannedStart: '2026-09-01', openSteps: ['police-registration'] })).toBe('arrived');
    expect(stageOf({ status: 'abroad', plannedStart: '2026-09-01', openSteps: ['migration-registration'] })).toBe('arrived');
    expect(stageOf({ status: 'abroad', plannedStart: '2026-09-01', openSteps: ['residence-permit'] })).toBe('registered');
  });

  it('is departed once back, whether recognised or not, and cancelled when cancelled', () => {
    expect(stageOf({ status: 'returned', plannedStart: '2026-09-01', openSteps: ['police-registration'] })).toBe('departed');
    expect(stageOf({ status: 'recognised', plannedStart: '2026-09-01', openSteps: [] })).toBe('departed');
    expect(stageOf({ status: 'cancelled', plannedStart: null, openSteps: ['visa'] })).toBe('cancelled');
  });

  it('reads the open steps of a full checklist', () => {
    expect(
      openStepsOf([
        { key: 'visa', status: 'done' },
        { key: 'insurance', status: 'open' },
        { key: 'jw202', status: 'waived' },
      ]),
    ).toEqual(['insurance']);
  });
});
