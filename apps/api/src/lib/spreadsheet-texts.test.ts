import { describe, expect, it } from 'vitest';
import { formatExportInstant } from './spreadsheet-texts.js';

describe('times in exports', () => {
  it('writes the zone’s wall-clock time, its own calendar day and its offset', () => {
    expect(formatExportInstant('2026-03-31T20:59:00Z', 'ru', 'Europe/Moscow')).toBe('31.03.2026 23:59 (московское время, UTC+3)');
    expect(formatExportInstant('2026-03-31T20:59:00Z', 'zh', 'Asia/Shanghai')).toBe('2026/04/01 04:59（北京时间，UTC+8）');
    expect(formatExportInstant(new Date('2026-03-31T20:59:00Z'), 'en', 'Asia/Shanghai')).toBe('01/04/2026 04:59 (Beijing time, UTC+8)');
    expect(formatExportInstant(null, 'en', 'Europe/Moscow')).toBe('');
    expect(formatExportInstant('', 'en', 'Europe/Moscow')).toBe('');
  });

  it('follows a zone with daylight saving across its changes, and half-hour offsets', () => {
    expect(formatExportInstant('2026-03-29T00:59:00Z', 'en', 'Europe/Berlin')).toMatch(/^29\/03\/2026 01:59 \(.+, UTC\+1\)$/);
    expect(formatExportInstant('2026-03-29T01:00:00Z', 'en', 'Europe/Berlin')).toMatch(/^29\/03\/2026 03:00 \(.+, UTC\+2\)$/);
    expect(formatExportInstant('2026-10-25T00:30:00Z', 'en', 'Europe/Berlin')).toMatch(/^25\/10\/2026 02:30 \(.+, UTC\+2\)$/);
    expect(formatExportInstant('2026-10-25T01:30:00Z', 'en', 'Europe/Berlin')).toMatch(/^25\/10\/2026 02:30 \(.+, UTC\+1\)$/);
    expect(formatExportInstant('2026-07-01T20:00:00Z', 'en', 'Asia/Kolkata')).toMatch(/^02\/07\/2026 01:30 \(.+, UTC\+5:30\)$/);
    expect(formatExportInstant('2026-07-01T20:00:00Z', 'en', 'UTC')).toMatch(/^01\/07\/2026 20:00 \(.+, UTC\)$/);
  });
});
