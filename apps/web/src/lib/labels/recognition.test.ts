import { overwriteGetLocale } from '@exchange/texts/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { creditsLabel, recognitionField, recognitionProblem, scaleLabel } from './recognition';

afterEach(() => overwriteGetLocale(() => 'en'));

const chinese = {
  numeric: { min: 0, max: 100, passFrom: 60 },
  grades: [
    { value: '合格', passing: true },
    { value: '不合格', passing: false },
  ],
};

describe('a grade scale in one line', () => {
  it('names the range with its pass mark and each named grade passing or not, in the page language', () => {
    expect(scaleLabel(chinese)).toBe('0–100, passing from 60; 合格 (passing), 不合格 (failing)');
    overwriteGetLocale(() => 'zh');
    expect(scaleLabel(chinese)).toBe('0–100分，60分及格；合格（及格）、不合格（不及格）');
    overwriteGetLocale(() => 'ru');
    expect(scaleLabel({ numeric: null, grades: [{ value: '5', passing: true }] })).toBe('5 (проходная)');
    expect(creditsLabel(2.5, { name: 'з.е.', ectsFactor: 1 })).toBe('2,5 з.е.');
  });

  it('says when no scale is declared', () => {
    expect(scaleLabel(null)).toBe('No grade scale declared yet');
  });
});

describe('the problems of the transcript and recognition', () => {
  it('have their own words, and field codes fall back to the common ones', () => {
    expect(recognitionProblem('already_recognised')).toContain('decided');
    expect(recognitionProblem('grade_not_on_scale')).toBe(recognitionProblem('not_recognised'));
    expect(recognitionField('required')).toBe('Please fill in this field.');
    expect(recognitionField(undefined)).toBe('');
  });
});
