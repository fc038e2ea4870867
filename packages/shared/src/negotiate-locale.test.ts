import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate-locale.js';

describe('negotiateLocale', () => {
  it('follows the browser’s preferences, honouring weights and regional variants', () => {
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(negotiateLocale('de-DE,de;q=0.9,ru;q=0.8,en;q=0.7')).toBe('ru');
    expect(negotiateLocale('en;q=0.5, ru;q=0.9')).toBe('ru');
    expect(negotiateLocale('fr')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });

  it('reads scripts and regions as their language, and refused or unknown tags as no wish', () => {
    expect(negotiateLocale('zh-Hans-CN')).toBe('zh');
    expect(negotiateLocale('ZH-TW;q=0.8, fr;q=0.9')).toBe('zh');
    expect(negotiateLocale('ru;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLocale('ru;q=0')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale(';;;,,')).toBe('en');
  });

  it('keeps the header’s order between languages of the same weight', () => {
    expect(negotiateLocale('zh-CN, ru')).toBe('zh');
    expect(negotiateLocale('ru-RU;q=0.8, zh;q=0.8')).toBe('ru');
  });
});
