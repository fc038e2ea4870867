import { describe, expect, it } from 'vitest';
import { formatInstant, localize } from './i18n.js';
import { isAcademicYear, academicYearOf } from './academic-year.js';
import { passwordProblem } from './passwords.js';

describe('localize', () => {
  it('falls back to another language, saying which, rather than showing nothing', () => {
    expect(localize({ ru: 'Привет', zh: '你好', en: 'Hello' }, 'zh')).toEqual({ text: '你好', locale: 'zh' });
    expect(localize({ ru: 'Привет', zh: '  ', en: '' }, 'zh')).toEqual({ text: 'Привет', locale: 'ru' });
  });
});

describe('formatInstant', () => {
  it('shows a Penza deadline at 23:59 Moscow time whatever zone the viewer is in', () => {
    const deadline = '2026-03-31T20:59:00Z';
    expect(formatInstant(deadline, 'en', 'Europe/Moscow', { timeStyle: 'short', hourCycle: 'h23' })).toBe('23:59');
    expect(formatInstant(deadline, 'en', 'Asia/Shanghai', { timeStyle: 'short', hourCycle: 'h23' })).toBe('04:59');
  });
});

describe('academic years', () => {
  it('accepts consecutive years only and derives the year of a date', () => {
    expect(isAcademicYear('2025/2026')).toBe(true);
    expect(isAcademicYear('2025/2027')).toBe(false);
    expect(isAcademicYear('2025-2026')).toBe(false);
    expect(academicYearOf(new Date('2026-09-01T00:00:00Z'))).toBe('2026/2027');
    expect(academicYearOf(new Date('2026-08-31T00:00:00Z'))).toBe('2025/2026');
  });
});

describe('password policy', () => {
  it('wants 8 to 128 characters and refuses the most common passwords', () => {
    expect(passwordProblem('short')).toBe('too_short');
    expect(passwordProblem('x'.repeat(129))).toBe('too_long');
    expect(passwordProblem('x'.repeat(128))).toBe(null);
    expect(passwordProblem('Password123')).toBe('too_common');
    expect(passwordProblem('Пенза-Баоцзи-2026')).toBe(null);
    // Characters, not bytes: eight CJK characters are enough.
    expect(passwordProblem('宝鸡文理学院交流')).toBe(null);
  });
});

import { notificationKinds, renderNotification } from './notification-texts.js';

describe('notification texts', () => {
  it('reads every kind in every language, with localized parameters in the reader’s language', () => {
    for (const kind of notificationKinds) {
      for (const locale of ['ru', 'zh', 'en'] as const) {
        const { subject, body } = renderNotification(kind, { call: 'X', partner: 'Y', reason: 'Z', event: 'E', student: 'S' }, locale);
        expect(subject.length, `${kind} ${locale}`).toBeGreaterThan(3);
        expect(body.length, `${kind} ${locale}`).toBeGreaterThan(3);
      }
    }
    const call = { en: 'Spring semester in Baoji', ru: 'Весенний семестр в Баоцзи', zh: '宝鸡春季学期' };
    expect(renderNotification('application.submitted', { call }, 'zh').subject).toBe('申请已提交：宝鸡春季学期');
    expect(renderNotification('application.submitted', { call }, 'ru').body).toContain('«Весенний семестр в Баоцзи»');
  });
});
