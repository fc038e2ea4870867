/**
 * The parties' grading as the demo knows it (editable in the system): PSU grades on the Russian
 * 5-point scale (2–5) with зачёт/незачёт, in зачётные единицы worth one ECTS credit each; BUAS
 * and BRI grade 0–100, passing at 60, with 合格/不合格, in 学分 worth 1.5 ECTS. And the conversion
 * tables between PSU and each Chinese party, both ways.
 */
import type { ConversionRule, CreditUnit, GradeScale } from '@exchange/shared';

export const gradingOf: Record<'RU' | 'CN', { gradeScale: GradeScale; creditUnit: CreditUnit }> = {
  RU: {
    gradeScale: {
      numeric: null,
      grades: [
        { value: '5', passing: true },
        { value: '4', passing: true },
        { value: '3', passing: true },
        { value: '2', passing: false },
        { value: 'зачёт', passing: true },
        { value: 'незачёт', passing: false },
      ],
    },
    creditUnit: { name: 'з.е.', ectsFactor: 1 },
  },
  CN: {
    gradeScale: {
      numeric: { min: 0, max: 100, passFrom: 60 },
      grades: [
        { value: '合格', passing: true },
        { value: '不合格', passing: false },
      ],
    },
    creditUnit: { name: '学分', ectsFactor: 1.5 },
  },
};

export const heiIdOf: Record<string, string> = { PSU: 'pnzgu.ru', BUAS: 'bjwlxy.edu.cn', BRI: 'bjtljs.edu.cn' };

/** A Chinese 100-point grade to the Russian 5-point one: 86–100 excellent, 71–85 good, 60–70 satisfactory. */
export const chineseToRussian: ConversionRule[] = [
  { from: { min: 86, max: 100 }, to: '5' },
  { from: { min: 71, max: 85 }, to: '4' },
  { from: { min: 60, max: 70 }, to: '3' },
  { from: { min: 0, max: 59 }, to: '2' },
  { from: { grade: '合格' }, to: 'зачёт' },
  { from: { grade: '不合格' }, to: 'незачёт' },
];

/** And back: each 5-point grade to the middle of its band. */
export const russianToChinese: ConversionRule[] = [
  { from: { grade: '5' }, to: '93' },
  { from: { grade: '4' }, to: '78' },
  { from: { grade: '3' }, to: '65' },
  { from: { grade: '2' }, to: '50' },
  { from: { grade: 'зачёт' }, to: '合格' },
  { from: { grade: 'незачёт' }, to: '不合格' },
];
