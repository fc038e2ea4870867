import { describe, expect, it } from 'vitest';
import { callBody, readCallForm } from './call-form';

describe('the call form', () => {
  it('reads times as wall-clock time in the institution’s zone', () => {
    const data = new FormData();
    for (const [key, value] of Object.entries({
      titleEn: 'Spring',
      academicYear: '2026/2027',
      mobilityType: 'semester',
      opensAt: '2026-03-01T09:00',
      closesAt: '2026-03-31T23:59',
      maxPreferences: '3',
      languageLevel: 'HSK:4',
      languageLanguage: 'zh',
    }))
      data.set(key, value);
    data.append('requiredDocuments', 'transcript');
    const { body, errors } = callBody(readCallForm(data), 'Europe/Moscow');
    expect(errors).toEqual({});
    expect(body?.closesAt).toBe('2026-03-31T20:59:00.000Z');
    expect(body?.languageRequirement).toEqual({ language: 'zh', scale: 'HSK', level: '4' });
    const shanghai = callBody(readCallForm(data), 'Asia/Shanghai');
    expect(shanghai.body?.closesAt).toBe('2026-03-31T15:59:00.000Z');
  });

  it('refuses a window that closes before it opens', () => {
    const data = new FormData();
    for (const [key, value] of Object.entries({
      titleRu: 'Весна',
      academicYear: '2026/2027',
      mobilityType: 'semester',
      opensAt: '2026-04-01T09:00',
      closesAt: '2026-03-31T23:59',
      maxPreferences: '9',
    }))
      data.set(key, value);
    expect(callBody(readCallForm(data), 'Europe/Moscow').errors).toEqual({ closesAt: 'before_opening', maxPreferences: 'number_invalid' });
  });
});
