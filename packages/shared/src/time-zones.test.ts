import { describe, expect, it } from 'vitest';
import { inZone, instantToZonedLocal, localDateTime, utcOffset, zonedLocalToInstant } from './time-zones.js';

describe('zoned local times', () => {
  it('reads a Penza deadline as Moscow time and a Baoji one as Shanghai time', () => {
    expect(zonedLocalToInstant('2026-03-31T23:59', 'Europe/Moscow').toISOString()).toBe('2026-03-31T20:59:00.000Z');
    expect(zonedLocalToInstant('2026-03-31T23:59', 'Asia/Shanghai').toISOString()).toBe('2026-03-31T15:59:00.000Z');
    // A zone with daylight saving, across its change.
    expect(zonedLocalToInstant('2026-07-01T12:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(instantToZonedLocal('2026-03-31T20:59:00Z', 'Europe/Moscow')).toBe('2026-03-31T23:59');
    expect(instantToZonedLocal('2026-03-31T20:59:00Z', 'Asia/Shanghai')).toBe('2026-04-01T04:59');
  });

  it('accepts seconds and refuses what is not a local date-time', () => {
    expect(zonedLocalToInstant('2026-03-31T23:59:30', 'Europe/Moscow').toISOString()).toBe('2026-03-31T20:59:30.000Z');
    expect(() => zonedLocalToInstant('2026-03-31', 'Europe/Moscow')).toThrow(RangeError);
    expect(() => zonedLocalToInstant('2026-03-31T23:59+03:00', 'Europe/Moscow')).toThrow(RangeError);
    expect(() => zonedLocalToInstant('2026-03-31T23:59', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('crosses Berlin’s daylight-saving changes', () => {
    // 29 March 2026: clocks jump from 02:00 CET to 03:00 CEST.
    expect(zonedLocalToInstant('2026-03-29T01:59', 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(zonedLocalToInstant('2026-03-29T03:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 never shows on the clocks: it stands for the moment after the gap, 03:30 CEST.
    expect(zonedLocalToInstant('2026-03-29T02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToZonedLocal('2026-03-29T00:59:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:59');
    expect(instantToZonedLocal('2026-03-29T01:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:00');
    // 25 October 2026: clocks fall back from 03:00 CEST to 02:00 CET; 02:30 shows twice.
    expect(zonedLocalToInstant('2026-10-25T02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantToZonedLocal('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(instantToZonedLocal('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(zonedLocalToInstant('2026-10-25T03:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('goes back and forth without drift, for every hour around a change', () => {
    for (let hour = -6; hour <= 6; hour++) {
      const instant = new Date(Date.parse('2026-10-25T01:00:00Z') + hour * 3_600_000);
      const local = instantToZonedLocal(instant, 'Europe/Berlin');
      // Only the repeated hour maps back to its first occurrence.
      const back = zonedLocalToInstant(local, 'Europe/Berlin').getTime();
      expect(back === instant.getTime() || back === instant.getTime() - 3_600_000, local).toBe(true);
    }
  });

  it('names the offset as people write it', () => {
    expect(utcOffset(inZone('2026-03-31T20:59:00Z', 'Europe/Moscow'))).toBe('UTC+3');
    expect(utcOffset(inZone('2026-03-31T20:59:00Z', 'Asia/Shanghai'))).toBe('UTC+8');
    expect(utcOffset(inZone('2026-01-15T12:00:00Z', 'Europe/Berlin'))).toBe('UTC+1');
    expect(utcOffset(inZone('2026-07-15T12:00:00Z', 'Europe/Berlin'))).toBe('UTC+2');
    expect(utcOffset(inZone('2026-07-15T12:00:00Z', 'Asia/Kolkata'))).toBe('UTC+5:30');
    expect(utcOffset(inZone('2026-07-15T12:00:00Z', 'America/Sao_Paulo'))).toBe('UTC-3');
    expect(utcOffset(inZone('2026-07-15T12:00:00Z', 'UTC'))).toBe('UTC');
  });

  it('gives the zoned time that calendar files and exports write', () => {
    const zoned = inZone(new Date('2026-03-31T20:59:00Z'), 'Asia/Shanghai');
    expect([zoned.year, zoned.month, zoned.day, zoned.hour, zoned.minute, zoned.timeZoneId]).toEqual([2026, 4, 1, 4, 59, 'Asia/Shanghai']);
    expect(localDateTime(zoned)).toBe('2026-04-01T04:59');
    expect(utcOffset(zoned)).toBe('UTC+8');
  });
});
