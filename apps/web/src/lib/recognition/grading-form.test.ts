import { describe, expect, it } from 'vitest';
import {
  blankGrade,
  blankRule,
  conversionBody,
  conversionErrors,
  conversionValues,
  readConversionForm,
  readScaleForm,
  scaleBody,
  scaleValues,
} from './grading-form';

const chinese = {
  institutionId: '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01',
  gradeScale: {
    numeric: { min: 0, max: 100, passFrom: 60 },
    grades: [
      { value: '合格', passing: true },
      { value: '不合格', passing: false },
    ],
  },
  creditUnit: { name: '学分', ectsFactor: 1.5 },
};

describe('the scale form', () => {
  it('shows the saved scale and reads it back unchanged', () => {
    const values = scaleValues(chinese);
    expect(values).toMatchObject({ min: '0', max: '100', passFrom: '60', unitName: '学分', ectsFactor: '1.5' });
    const form = new FormData();
    for (const name of ['min', 'max', 'passFrom', 'unitName', 'ectsFactor'] as const) form.append(name, values[name]);
    values.grades.forEach((grade, index) => {
      form.append(`grades.${index}.value`, grade.value);
      if (grade.passing) form.append(`grades.${index}.passing`, 'yes');
    });
    form.append('grades.2.value', '');
    expect(scaleBody(readScaleForm(form)).body).toEqual({ gradeScale: chinese.gradeScale, creditUnit: chinese.creditUnit });
  });

  it('takes named grades alone, and names what is wrong beside its field', () => {
    const russian = {
      ...scaleValues(null),
      grades: [{ key: 'grades-0', value: '5', passing: true }, blankGrade('grades-1')],
      unitName: 'з.е.',
      ectsFactor: '1',
    };
    expect(scaleBody(russian).body).toEqual({
      gradeScale: { numeric: null, grades: [{ value: '5', passing: true }] },
      creditUnit: { name: 'з.е.', ectsFactor: 1 },
    });
    expect(scaleBody({ ...russian, grades: [], unitName: '', ectsFactor: '0' }).errors).toEqual({
      grades: 'scale_required',
      unitName: 'required',
      ectsFactor: 'factor_invalid',
    });
    expect(scaleBody({ ...russian, min: '0', max: '100', passFrom: '120' }).errors).toEqual({ passFrom: 'pass_mark_outside' });
    expect(scaleBody({ ...russian, min: '100', max: '0', passFrom: '' }).errors).toEqual({ passFrom: 'required', max: 'range_invalid' });
    const twice = [...russian.grades.slice(0, 1), { key: 'grades-1', value: '5', passing: false }];
    expect(scaleBody({ ...russian, grades: twice }).errors).toEqual({ 'grades-1.value': 'duplicate' });
  });
});

describe('a conversion table form', () => {
  const rules = [
    { from: { min: 86, max: 100 }, to: '5' },
    { from: { grade: '合格' }, to: 'зачёт' },
  ];

  it('shows bands and named grades, and reads them back', () => {
    const values = conversionValues(rules);
    expect(values.rules.map((row) => [row.min, row.max, row.grade, row.to])).toEqual([
      ['86', '100', '', '5'],
      ['', '', '合格', 'зачёт'],
    ]);
    const form = new FormData();
    [...values.rules, blankRule('rules-2')].forEach((row, index) => {
      for (const field of ['min', 'max', 'grade', 'to'] as const) form.append(`rules.${index}.${field}`, row[field]);
    });
    expect(conversionBody(readConversionForm(form)).body).toEqual({ rules });
    expect(conversionBody({ rules: [] }).body).toEqual({ rules: [] });
  });

  it('wants a band or a grade, not both, and the grade it converts to', () => {
    const values = {
      rules: [
        { key: 'rules-0', min: '86', max: '100', grade: '合格', to: '5' },
        { key: 'rules-1', min: '', max: '', grade: '', to: '4' },
        { key: 'rules-2', min: '90', max: '80', grade: '', to: '' },
        { key: 'rules-3', min: 'a', max: '5', grade: '', to: '3' },
      ],
    };
    expect(conversionBody(values).errors).toEqual({
      'rules-0.band': 'from_both',
      'rules-1.band': 'from_required',
      'rules-2.band': 'band_order',
      'rules-2.to': 'required',
      'rules-3.band': 'number_invalid',
    });
  });

  it('puts the API’s overlapping band and grade off the scale beside the line', () => {
    const problems = [
      { path: 'body.rules.1.from', code: 'overlapping_band' },
      { path: 'body.rules.0.to', code: 'not_on_scale' },
      { path: 'body.rules.2.from.grade', code: 'not_on_scale' },
    ];
    expect(conversionErrors(problems, ['rules-0', 'rules-1', 'rules-3'])).toEqual({
      'rules-1.band': 'overlapping_band',
      'rules-0.to': 'not_on_scale',
      'rules-3.grade': 'not_on_scale',
    });
  });
});
