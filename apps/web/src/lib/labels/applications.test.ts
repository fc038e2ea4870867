import { applicationStatuses } from '@exchange/shared';
import { overwriteGetLocale } from '@exchange/texts/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationNextStep, applicationStatusLabel, sexLabel } from './applications';

afterEach(() => overwriteGetLocale(() => 'en'));

describe('an application’s next step', () => {
  it('is told for every status in which the student still waits for something', () => {
    // A partner’s rejection is not the end: the office offers the next choice or the waiting list.
    const waiting = ['draft', 'submitted', 'nominated', 'waitlisted', 'declined', 'accepted'];
    expect(applicationStatuses.filter((status) => applicationNextStep[status]).sort()).toEqual([...waiting].sort());
    for (const status of waiting) expect(applicationNextStep[status as keyof typeof applicationNextStep]!().length).toBeGreaterThan(10);
  });
});

describe('labels shared with the exports', () => {
  it('speak the page language on a page and the given language in an export', () => {
    overwriteGetLocale(() => 'ru');
    expect(applicationStatusLabel.accepted()).toBe('Принята партнёром');
    expect(sexLabel[2]!()).not.toBe(sexLabel[2]!({}, { locale: 'en' }));
    expect(applicationStatusLabel.accepted({}, { locale: 'zh' })).toBe('对方已接收');
  });
});
