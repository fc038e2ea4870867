/** The mappings the EWP documents rest on: names, terms, language levels, credit schemes, the term of a stay. */
import { describe, expect, it } from 'vitest';
import { approximateCefrLevel, creditSchemeOf, sendingTermOf, termOf } from './ewp-mapping.js';
import { latinName, nativeName } from './ewp-names.js';

describe('a student’s names', () => {
  it('reads a Russian name given name first, or family name first when the patronymic ends it', () => {
    expect(nativeName('Анна Петрова', 'RU')).toEqual({ givenNames: 'Анна', familyName: 'Петрова', lang: 'ru' });
    expect(nativeName('Ирина Сергеевна Волкова', 'RU')).toEqual({ givenNames: 'Ирина Сергеевна', familyName: 'Волкова', lang: 'ru' });
    expect(nativeName('Волкова Ирина Сергеевна', 'RU')).toEqual({ givenNames: 'Ирина Сергеевна', familyName: 'Волкова', lang: 'ru' });
  });

  it('reads a Chinese name family name first, keeping a two-character surname whole', () => {
    expect(nativeName('张伟', 'CN')).toEqual({ familyName: '张', givenNames: '伟', lang: 'zh' });
    expect(nativeName('欧阳娜娜', 'CN')).toEqual({ familyName: '欧阳', givenNames: '娜娜', lang: 'zh' });
    expect(nativeName('王 丽华', 'CN')).toEqual({ familyName: '王', givenNames: '丽华', lang: 'zh' });
  });

  it('has no native name in a Latin script or for a country whose language it does not know', () => {
    expect(nativeName('Anna Petrova', 'RU')).toBeNull();
    expect(nativeName('Анна Петрова', 'KZ')).toBeNull();
  });

  it('splits the passport’s Latin name family name first, unless the native name shows it is written the other way', () => {
    expect(latinName('Ivanova Anna', null)).toEqual({ familyName: 'Ivanova', givenNames: 'Anna' });
    expect(latinName('Zhang Wei', nativeName('张伟', 'CN'))).toEqual({ familyName: 'Zhang', givenNames: 'Wei' });
    expect(latinName('Ivanova Anna', nativeName('Анна Иванова', 'RU'))).toEqual({ familyName: 'Ivanova', givenNames: 'Anna' });
    expect(latinName('Anna Petrova', nativeName('Анна Петрова', 'RU'))).toEqual({ familyName: 'Petrova', givenNames: 'Anna' });
    expect(latinName('Iuliia Khokhlova', nativeName('Юлия Хохлова', 'RU'))).toEqual({ familyName: 'Khokhlova', givenNames: 'Iuliia' });
    // Same initials: nothing tells the order apart, so the passport's order is assumed.
    expect(latinName('Anna Antonova', nativeName('Анна Антонова', 'RU'))).toEqual({ familyName: 'Anna', givenNames: 'Antonova' });
    expect(latinName('Madonna', null)).toEqual({ familyName: 'Madonna', givenNames: '' });
  });
});

describe('terms, levels and credits', () => {
  it('reads autumn and spring in three languages, and nothing else', () => {
    for (const text of ['Autumn 2026', 'fall term', 'Осенний семестр 2026', '2026 秋季学期']) expect(termOf(text), text).toEqual({ number: 1, of: 2 });
    for (const text of ['Spring 2027', 'Весенний семестр', 'весна 2027', '2027 春季学期']) expect(termOf(text), text).toEqual({ number: 2, of: 2 });
    for (const text of ['Semester 1', 'autumn and spring', '']) expect(termOf(text), text).toBeNull();
  });

  it('maps HSK approximately onto CEFR, and keeps the official equivalences', () => {
    const hsk = (level: string) => approximateCefrLevel({ language: 'zh', scale: 'HSK', level });
    expect(['1', '2', '3', '4', '5', '6', '9'].map(hsk)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'C2']);
    expect(approximateCefrLevel({ language: 'ru', scale: 'TORFL', level: 'TORFL-2' })).toBe('B2');
    expect(approximateCefrLevel({ language: 'en', scale: 'CEFR', level: 'C1' })).toBe('C1');
  });

  it('names the credit scheme ects only for a unit that is ECTS', () => {
    expect(creditSchemeOf({ name: 'ECTS', ectsFactor: 1 })).toBe('ects');
    expect(creditSchemeOf({ name: 'з.е.', ectsFactor: 1 })).toBe('з.е.');
    expect(creditSchemeOf({ name: '学分', ectsFactor: 1.5 })).toBe('学分');
    expect(creditSchemeOf(null)).toBe('ects');
  });

  it('places the stay in a semester when its dates fit one, else in the year, and a summer school outside any term', () => {
    const stay = (mobilityType: 'semester' | 'academic_year' | 'summer_school', plannedStart: string | null, plannedEnd: string | null) =>
      sendingTermOf({ academicYear: '2026/2027', mobilityType, plannedStart, plannedEnd });
    expect(stay('semester', '2026-09-01', '2027-01-20')).toBe('2026/2027-1/2');
    expect(stay('semester', '2027-02-10', '2027-06-30')).toBe('2026/2027-2/2');
    expect(stay('semester', null, null)).toBe('2026/2027-1/1');
    expect(stay('academic_year', '2026-09-01', '2026-12-20')).toBe('2026/2027-1/1');
    expect(stay('summer_school', '2027-07-01', '2027-07-20')).toBeNull();
  });
});
