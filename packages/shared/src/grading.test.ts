import { describe, expect, it } from 'vitest';
import { convertCredits, convertGrade, gradeOn, overlappingBands, proposeRecognition, type ConversionRule, type GradeScale } from './grading.js';

const hundred: GradeScale = { numeric: { min: 0, max: 100, passFrom: 60 }, grades: [{ value: '合格', passing: true }] };
const fivePoint: GradeScale = {
  numeric: null,
  grades: ['5', '4', '3']
    .map((value) => ({ value, passing: true }))
    .concat([
      { value: '2', passing: false },
      { value: 'зачёт', passing: true },
    ]),
};
const toFive: ConversionRule[] = [
  { from: { min: 86, max: 100 }, to: '5' },
  { from: { min: 71, max: 85 }, to: '4' },
  { from: { min: 60, max: 70 }, to: '3' },
  { from: { min: 0, max: 59 }, to: '2' },
  { from: { grade: '合格' }, to: 'зачёт' },
];

describe('grades on a scale', () => {
  it('passes from the pass mark on a numeric scale and refuses what is off it', () => {
    expect(gradeOn(hundred, '59')).toEqual({ valid: true, passing: false });
    expect(gradeOn(hundred, '60')).toEqual({ valid: true, passing: true });
    expect(gradeOn(hundred, '101').valid).toBe(false);
    expect(gradeOn(hundred, 'A').valid).toBe(false);
    expect(gradeOn(fivePoint, 'Зачёт')).toEqual({ valid: true, passing: true });
    expect(gradeOn(fivePoint, '6').valid).toBe(false);
  });
});

describe('conversion', () => {
  it('converts the band edges 59/60 and 85/86 and pass to зачёт', () => {
    expect(['59', '60', '85', '86', '100', '合格'].map((grade) => convertGrade(toFive, grade))).toEqual(['2', '3', '4', '5', '5', 'зачёт']);
    expect(convertGrade(toFive, 'A')).toBeNull();
  });

  it('finds bands that overlap', () => {
    expect(overlappingBands(toFive)).toEqual([]);
    expect(overlappingBands([...toFive, { from: { min: 85, max: 90 }, to: '5' }])).toEqual([5]);
  });

  it('converts credits through ECTS to the half credit', () => {
    expect(convertCredits(4, { name: '学分', ectsFactor: 1.5 }, { name: 'з.е.', ectsFactor: 1 })).toBe(6);
    expect(convertCredits(3, { name: 'з.е.', ectsFactor: 1 }, { name: '学分', ectsFactor: 1.5 })).toBe(2);
  });
});

describe('the proposed recognition', () => {
  const studied = [
    { code: 'A', credits: 6 },
    { code: 'B', credits: 2 },
  ];
  const home = [{ code: 'X', title: 'Китайский язык', credits: 5 }];
  it('takes the credit-weighted mean of the host components a home component stands for', () => {
    const transcript = [
      { code: 'A', credits: 6, grade: '90', passed: true },
      { code: 'B', credits: 2, grade: '70', passed: true },
    ];
    // (90·6 + 70·2) / 8 = 85 → 4
    expect(proposeRecognition(studied, home, transcript, toFive)).toEqual([
      { code: 'X', title: 'Китайский язык', recognised: true, homeGrade: '4', homeCredits: 5, from: ['A', 'B'] },
    ]);
  });

  it('recognises nothing where a host component failed or has no grade yet', () => {
    const failed = [
      { code: 'A', credits: 6, grade: '90', passed: true },
      { code: 'B', credits: 2, grade: '40', passed: false },
    ];
    expect(proposeRecognition(studied, home, failed, toFive)[0]).toMatchObject({ recognised: false, homeGrade: null, homeCredits: 0 });
    expect(proposeRecognition(studied, home, failed.slice(0, 1), toFive)[0]).toMatchObject({ recognised: false });
  });
});
