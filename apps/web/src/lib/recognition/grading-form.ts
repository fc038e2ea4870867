/**
 * An institution's grading as forms: the scale (a numeric range with its pass mark, named grades
 * each passing or not) with the credit unit, and a conversion table to another institution's
 * scale (lines from a band of numbers or a named grade to a grade of the other scale). Bodies are
 * checked by the contract's schemas; whether a line fits both scales, and whether bands overlap,
 * is the API's to say (`body.rules.1.from`), shown beside the line.
 */
import { gradeConversionUpdate, institutionGradingUpdate, type ConversionRule, type InstitutionGrading } from '@exchange/shared';
import { numberOf, readRows, segmentsOf, shown, type PathProblem } from './rows';

export type GradeRow = { key: string; value: string; passing: boolean };
export type ScaleValues = { min: string; max: string; passFrom: string; grades: GradeRow[]; unitName: string; ectsFactor: string };
export type ScaleBody = ReturnType<typeof institutionGradingUpdate.parse>;
export type RuleRow = { key: string; min: string; max: string; grade: string; to: string };
export type ConversionValues = { rules: RuleRow[] };
/** Error codes by field (`min`, `passFrom`, `grades`, `unitName`…) or by `<row key>.<field>`. */
export type GradingErrors = Record<string, string>;

export const gradeList = 'grades';
export const ruleList = 'rules';

export const blankGrade = (key: string): GradeRow => ({ key, value: '', passing: true });
export const blankRule = (key: string): RuleRow => ({ key, min: '', max: '', grade: '', to: '' });
const ruleIsBlank = (row: RuleRow) => !row.min && !row.max && !row.grade && !row.to;

export function scaleValues(grading: InstitutionGrading | null): ScaleValues {
  const numeric = grading?.gradeScale?.numeric ?? null;
  return {
    min: shown(numeric?.min),
    max: shown(numeric?.max),
    passFrom: shown(numeric?.passFrom),
    grades: (grading?.gradeScale?.grades ?? []).map((grade, index) => ({ key: `${gradeList}-${index}`, value: grade.value, passing: grade.passing })),
    unitName: grading?.creditUnit?.name ?? '',
    ectsFactor: shown(grading?.creditUnit?.ectsFactor),
  };
}

export function readScaleForm(form: FormData): ScaleValues {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    min: text('min'),
    max: text('max'),
    passFrom: text('passFrom'),
    // A row's checkbox is only sent when ticked; the value field always is.
    grades: readRows(form, gradeList, 'value', (field, key) => ({ key, value: field('value'), passing: field('passing') === 'yes' })),
    unitName: text('unitName'),
    ectsFactor: text('ectsFactor'),
  };
}

/** The PUT body of the scale and the credit unit, or the errors the form shows. */
export function scaleBody(values: ScaleValues): { body?: ScaleBody; errors: GradingErrors } {
  const errors: GradingErrors = {};
  const typed = [values.min, values.max, values.passFrom];
  let numeric: { min: number; max: number; passFrom: number } | null = null;
  if (typed.some((value) => value !== '')) {
    const [min, max, passFrom] = typed.map(numberOf) as [number, number, number];
    (['min', 'max', 'passFrom'] as const).forEach((name, index) => {
      if (Number.isNaN([min, max, passFrom][index])) errors[name] = typed[index] === '' ? 'required' : 'number_invalid';
    });
    if (!errors.min && !errors.max && min >= max) errors.max = 'range_invalid';
    else if (!errors.min && !errors.max && !errors.passFrom && (passFrom < min || passFrom > max)) errors.passFrom = 'pass_mark_outside';
    numeric = { min, max, passFrom };
  }
  const grades = values.grades.filter((row) => row.value !== '');
  grades.forEach((row, index) => {
    if (grades.findIndex((other) => other.value.toLocaleLowerCase() === row.value.toLocaleLowerCase()) < index) errors[`${row.key}.value`] = 'duplicate';
  });
  const candidate = {
    gradeScale: { numeric, grades: grades.map((row) => ({ value: row.value, passing: row.passing })) },
    creditUnit: { name: values.unitName, ectsFactor: numberOf(values.ectsFactor) },
  };
  const parsed = institutionGradingUpdate.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code }));
    for (const [name, code] of Object.entries(scaleErrors(problems, grades))) errors[name] ??= code;
  }
  return parsed.success && Object.keys(errors).length === 0 ? { body: parsed.data, errors } : { errors };
}

/** Problems with paths (`body.gradeScale.numeric.passFrom`, `['creditUnit', 'ectsFactor']`) as the scale form's error codes. */
export function scaleErrors(problems: readonly PathProblem[], grades: readonly { key: string }[]): GradingErrors {
  const errors: GradingErrors = {};
  const set = (name: string, code: string) => (errors[name] ??= code);
  for (const problem of problems) {
    const path = segmentsOf(problem.path);
    const [part, name = '', index, field] = path;
    if (part === 'creditUnit')
      set(name === 'name' ? 'unitName' : 'ectsFactor', name === 'name' ? (problem.code === 'too_big' ? 'too_long_text' : 'required') : 'factor_invalid');
    else if (part === 'gradeScale' && name === 'numeric') set(index === 'min' || index === 'max' ? index : 'passFrom', 'pass_mark_outside');
    else if (part === 'gradeScale' && name === 'grades') {
      const key = index === undefined ? undefined : grades[Number(index)]?.key;
      if (key === undefined || field === undefined) set('grades', 'scale_required');
      else set(`${key}.value`, problem.code === 'too_big' ? 'too_long_text' : 'required');
    }
  }
  return errors;
}

export const conversionValues = (rules: readonly ConversionRule[]): ConversionValues => ({
  rules: rules.map((rule, index) =>
    'grade' in rule.from
      ? { key: `${ruleList}-${index}`, min: '', max: '', grade: rule.from.grade, to: rule.to }
      : { key: `${ruleList}-${index}`, min: String(rule.from.min), max: String(rule.from.max), grade: '', to: rule.to },
  ),
});

export const readConversionForm = (form: FormData): ConversionValues => ({
  rules: readRows(form, ruleList, 'to', (field, key) => ({ key, min: field('min'), max: field('max'), grade: field('grade'), to: field('to') })),
});

/** Which row each line of the body came from: blank rows are left out. */
export const conversionBodyRows = (values: ConversionValues) => values.rules.filter((row) => !ruleIsBlank(row)).map((row) => row.key);

/** The PUT body of a conversion table, or the errors the form shows. A line converts a band or a named grade, not both. */
export function conversionBody(values: ConversionValues): { body?: { rules: ConversionRule[] }; errors: GradingErrors } {
  const errors: GradingErrors = {};
  const rows = values.rules.filter((row) => !ruleIsBlank(row));
  const rules = rows.map((row) => {
    const band = row.min !== '' || row.max !== '';
    if (band && row.grade) errors[`${row.key}.band`] = 'from_both';
    else if (!band && !row.grade) errors[`${row.key}.band`] = 'from_required';
    else if (band && (Number.isNaN(numberOf(row.min)) || Number.isNaN(numberOf(row.max)))) errors[`${row.key}.band`] = 'number_invalid';
    return { from: band ? { min: numberOf(row.min), max: numberOf(row.max) } : { grade: row.grade }, to: row.to };
  });
  const parsed = gradeConversionUpdate.safeParse({ rules });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code }));
    for (const [name, code] of Object.entries(conversionErrors(problems, conversionBodyRows(values)))) {
      // A line whose source is already named wrong says so once.
      if (!(name.endsWith('.grade') && errors[name.replace(/\.grade$/, '.band')])) errors[name] ??= code;
    }
  }
  return parsed.success && Object.keys(errors).length === 0 ? { body: parsed.data, errors } : { errors };
}

/** Problems with paths (the API's `body.rules.1.from`, `body.rules.0.to`) as the table's error codes, beside the line. */
export function conversionErrors(problems: readonly PathProblem[], rows: readonly string[]): GradingErrors {
  const errors: GradingErrors = {};
  for (const problem of problems) {
    const [name, index, field, part] = segmentsOf(problem.path);
    const key = name === 'rules' && index !== undefined ? rows[Number(index)] : undefined;
    if (key === undefined) {
      if (name === 'rules') errors.rules ??= 'too_many';
      continue;
    }
    const known = problem.code === 'not_on_scale' || problem.code === 'overlapping_band';
    if (field === 'to') errors[`${key}.to`] ??= known ? problem.code : problem.code === 'too_big' ? 'too_long_text' : 'required';
    else if (part === 'grade') errors[`${key}.grade`] ??= known ? problem.code : 'required';
    else errors[`${key}.band`] ??= known ? problem.code : part === 'max' ? 'band_order' : 'number_invalid';
  }
  return errors;
}
