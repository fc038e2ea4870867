import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '@exchange/texts/runtime';
import { cityLabel, latinNameExample, written } from '$lib/i18n';

const speak = (locale: 'en' | 'ru' | 'zh') => overwriteGetLocale(() => locale);
afterEach(() => speak('en'));

describe('texts that fit the reader', () => {
  it('gives a Chinese student a Chinese name as the passport example, others a Russian one', () => {
    expect(latinNameExample('CN')).toBe('Wang Lihua');
    expect(latinNameExample('RU')).toBe('Anna Petrova');
    speak('zh');
    expect(latinNameExample(null)).toBe('Wang Lihua');
    expect(latinNameExample('RU')).toBe('Anna Petrova');
  });

  it('names cities and the language of someone’s words in the page language', () => {
    speak('ru');
    expect(cityLabel('Baoji')).toBe('Баоцзи');
    expect(written('名额已满', 'zh')).toBe('名额已满 (на китайском)');
    speak('en');
    expect(written('Мест нет', 'ru')).toBe('Мест нет (in Russian)');
    expect(written('No seats', 'en')).toBe('No seats');
  });
});
