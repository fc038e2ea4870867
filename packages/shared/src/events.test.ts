import { describe, expect, it } from 'vitest';
import { checkInPath, eventCreate, eventUpdate, isTimeZone, spreadsheetSafe } from './events.js';
import { canCreateCentres, canManageCentreEvents, isInAudience, type Actor } from './permissions.js';

const psu = '00000000-0000-4000-8000-000000000001';
const buas = '00000000-0000-4000-8000-000000000002';
const actor = (role: Actor['role'], institutionId: string | null): Actor => ({ id: 'x', role, institutionId });

describe('event rules', () => {
  it('lets a centre’s own coordinators and the admin run its events', () => {
    expect(canManageCentreEvents(actor('coordinator', psu), psu)).toBe(true);
    expect(canManageCentreEvents(actor('coordinator', buas), psu)).toBe(false);
    expect(canManageCentreEvents(actor('reviewer', psu), psu)).toBe(false);
    expect(canManageCentreEvents(actor('student', psu), psu)).toBe(false);
    expect(canManageCentreEvents(actor('admin', null), psu)).toBe(true);
    expect(canManageCentreEvents(null, psu)).toBe(false);
    expect(canCreateCentres(actor('coordinator', psu))).toBe(false);
    expect(canCreateCentres(actor('admin', null))).toBe(true);
  });

  it('admits everyone, or only people of the listed institutions', () => {
    expect(isInAudience(actor('student', buas), [])).toBe(true);
    expect(isInAudience(actor('student', buas), [psu])).toBe(false);
    expect(isInAudience(actor('student', psu), [psu])).toBe(true);
    expect(isInAudience(actor('admin', null), [psu])).toBe(false);
  });
});

describe('event shapes', () => {
  const base = {
    centreId: psu,
    title: { ru: '', zh: '书法', en: '' },
    startsAt: '2026-12-10T11:00:00Z',
    endsAt: '2026-12-10T13:00:00Z',
    venue: 'Room 1',
    capacity: 10,
  };

  it('accepts an event in one language with an empty description, and fills defaults', () => {
    const parsed = eventCreate.parse({ ...base, description: { ru: '', zh: '', en: '' } });
    expect(parsed).toMatchObject({ waitlistEnabled: true, audience: { institutionIds: [] }, onlineUrl: null });
  });

  it('keeps a venue in three languages like a title; a plain string stands for all three', () => {
    expect(eventCreate.parse({ ...base, venue: { ru: 'Ауд. 1', zh: '1号教室', en: 'Room 1' } }).venue).toEqual({
      ru: 'Ауд. 1',
      zh: '1号教室',
      en: 'Room 1',
    });
    expect(eventCreate.parse(base).venue).toEqual({ ru: 'Room 1', zh: 'Room 1', en: 'Room 1' });
    expect(eventCreate.parse({ ...base, venue: { ru: ' Ауд. 1 ', zh: '', en: '' } }).venue).toEqual({ ru: 'Ауд. 1', zh: '', en: '' });
    expect(eventCreate.safeParse({ ...base, venue: { ru: '', zh: '', en: '' } }).success).toBe(false);
    expect(eventCreate.safeParse({ ...base, venue: { ru: 'x', zh: '' } }).success).toBe(false);
  });

  it('refuses backwards times, a missing place, unknown zones and non-web links', () => {
    expect(eventCreate.safeParse({ ...base, endsAt: base.startsAt }).success).toBe(false);
    expect(eventCreate.safeParse({ ...base, venue: null }).success).toBe(false);
    expect(eventCreate.safeParse({ ...base, venue: null, onlineUrl: 'https://meet.example/x' }).success).toBe(true);
    expect(eventCreate.safeParse({ ...base, onlineUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(eventCreate.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(eventCreate.safeParse({ ...base, title: { ru: '', zh: '', en: '' } }).success).toBe(false);
    expect(eventCreate.safeParse({ ...base, capacity: 0 }).success).toBe(false);
    expect(eventUpdate.safeParse({ registrationOpensAt: '2026-12-02T00:00:00Z', registrationClosesAt: '2026-12-01T00:00:00Z' }).success).toBe(false);
    expect(isTimeZone('Europe/Moscow') && isTimeZone('Asia/Shanghai')).toBe(true);
  });

  it('neutralises formulas for spreadsheets and builds the door link', () => {
    expect(spreadsheetSafe('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(spreadsheetSafe('+7 900')).toBe("'+7 900");
    expect(spreadsheetSafe('-1')).toBe("'-1");
    expect(spreadsheetSafe('@x')).toBe("'@x");
    expect(spreadsheetSafe('Анна')).toBe('Анна');
    expect(checkInPath(psu, 'a+b/c')).toBe(`/office/events/${psu}/check-in?code=a%2Bb%2Fc`);
  });
});
