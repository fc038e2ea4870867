import { describe, expect, it } from 'vitest';
import { registrationBlock } from './event-registration';

const psu = '11111111-1111-4111-8111-111111111111';
const buas = '22222222-2222-4222-8222-222222222222';
const now = Date.parse('2026-12-01T12:00:00Z');
const event = {
  status: 'published',
  startsAt: '2026-12-10T12:00:00Z',
  registrationOpensAt: '2026-11-01T00:00:00Z',
  registrationClosesAt: null,
  capacity: 10,
  confirmedCount: 3,
  waitlistEnabled: false,
  audience: { institutionIds: [psu] },
};
const student = (institutionId: string) => ({ id: 's', role: 'student' as const, institutionId });

describe('registrationBlock', () => {
  it('lets a student of the audience register', () => {
    expect(registrationBlock(event, student(psu), now)).toBeNull();
    expect(registrationBlock({ ...event, audience: { institutionIds: [] } }, student(buas), now)).toBeNull();
  });

  it('tells a student of another institution the event is not for them', () => {
    expect(registrationBlock(event, student(buas), now)).toBe('not_in_audience');
  });

  it('asks a visitor to sign in first', () => {
    expect(registrationBlock(event, null, now)).toBe('sign_in');
  });

  it('names the window and the status before the audience', () => {
    expect(registrationBlock({ ...event, status: 'cancelled' }, student(buas), now)).toBe('cancelled');
    expect(registrationBlock({ ...event, registrationOpensAt: '2026-12-05T00:00:00Z' }, student(buas), now)).toBe('not_open');
    expect(registrationBlock({ ...event, registrationClosesAt: '2026-12-01T11:00:00Z' }, student(buas), now)).toBe('closed');
  });

  it('knows a full event without a waiting list', () => {
    expect(registrationBlock({ ...event, confirmedCount: 10 }, student(psu), now)).toBe('full');
    expect(registrationBlock({ ...event, confirmedCount: 10, waitlistEnabled: true }, student(psu), now)).toBeNull();
  });
});
