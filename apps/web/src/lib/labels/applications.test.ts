import { applicationStatuses } from '@exchange/shared';
import { describe, expect, it } from 'vitest';
import { applicationNextStep } from './applications';

describe('an application’s next step', () => {
  it('is told for every status in which the student still waits for something', () => {
    // A partner’s rejection is not the end: the office offers the next choice or the waiting list.
    const waiting = ['draft', 'submitted', 'nominated', 'waitlisted', 'declined', 'accepted'];
    expect(applicationStatuses.filter((status) => applicationNextStep[status]).sort()).toEqual([...waiting].sort());
    for (const status of waiting) expect(applicationNextStep[status as keyof typeof applicationNextStep]!().length).toBeGreaterThan(10);
  });
});
