import { describe, expect, it } from 'vitest';
import { emptyValues, errorsFromApi, toBody, valuesOf } from './event-form';

const centreId = '00000000-0000-4000-8000-000000000001';
const filled = (changes: Partial<ReturnType<typeof emptyValues>> = {}) => ({
  ...emptyValues(centreId, 'Europe/Moscow'),
  titleZh: '剪纸工作坊',
  startsAt: '2026-12-10T14:00',
  endsAt: '2026-12-10T16:00',
  venueEn: 'Room 301',
  ...changes,
});

describe('the event form', () => {
  it('reads wall-clock times at the venue as instants', () => {
    const moscow = toBody(filled());
    expect(moscow.body?.startsAt).toBe('2026-12-10T11:00:00.000Z');
    const shanghai = toBody(filled({ timeZone: 'Asia/Shanghai' }));
    expect(shanghai.body?.startsAt).toBe('2026-12-10T06:00:00.000Z');
    expect(shanghai.body?.timeZone).toBe('Asia/Shanghai');
    // Descriptions may stay empty in every language.
    expect(moscow.body?.description).toEqual({ ru: '', zh: '', en: '' });
  });

  it('names what is wrong, field by field', () => {
    expect(toBody(filled({ titleZh: '' })).errors).toEqual({ title: 'title_required' });
    expect(toBody(filled({ endsAt: '2026-12-10T13:00' })).errors).toEqual({ endsAt: 'ends_before_start' });
    expect(toBody(filled({ venueEn: '' })).errors).toEqual({ venue: 'venue_required' });
    expect(toBody(filled({ capacity: '0' })).errors).toEqual({ capacity: 'number_invalid' });
    expect(toBody(filled({ onlineUrl: 'javascript:alert(1)' })).errors).toEqual({ onlineUrl: 'url_invalid' });
    expect(toBody(filled({ registrationOpensAt: '2026-12-09T10:00', registrationClosesAt: '2026-12-08T10:00' })).errors).toEqual({
      registrationClosesAt: 'window_order',
    });
    expect(errorsFromApi({ capacity: 'below_confirmed' })).toEqual({ capacity: 'capacity_below_confirmed' });
  });

  it('shows a saved event in the venue’s wall-clock time', () => {
    const values = valuesOf({
      id: centreId,
      centreId,
      institutionId: centreId,
      title: { ru: '', zh: '剪纸', en: '' },
      description: { ru: '', zh: '', en: '' },
      startsAt: '2026-12-10T06:00:00.000Z',
      endsAt: '2026-12-10T08:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      venue: { ru: 'Зал', zh: '礼堂', en: 'Hall' },
      onlineUrl: null,
      capacity: 10,
      waitlistEnabled: true,
      registrationOpensAt: null,
      registrationClosesAt: null,
      audience: { institutionIds: [] },
      status: 'draft',
      confirmedCount: 0,
      waitlistCount: 0,
      updatedAt: '2026-11-28T00:00:00.000Z',
    });
    expect(values.startsAt).toBe('2026-12-10T14:00');
    expect(values.endsAt).toBe('2026-12-10T16:00');
    expect([values.venueRu, values.venueZh, values.venueEn]).toEqual(['Зал', '礼堂', 'Hall']);
  });

  it('sends the venue in the languages typed, like the title', () => {
    expect(toBody(filled({ venueRu: 'Ауд. 301', venueZh: '301室' })).body?.venue).toEqual({ ru: 'Ауд. 301', zh: '301室', en: 'Room 301' });
    expect(toBody(filled({ venueEn: '', onlineUrl: 'https://meet.example/x' })).body?.venue).toBeNull();
  });
});
