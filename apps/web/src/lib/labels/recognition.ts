/** The transcript, recognition and grading as people read them: statuses, scales, results, problems and field errors, in the page language. */
import type { CreditUnit, GradeScale } from '@exchange/shared';
import { m } from '@exchange/texts/messages';
import { exchangeField, exchangeProblem } from '$lib/exchange/problems';
import { currentLocale, intlTag } from '$lib/i18n';

type Tone = 'ok' | 'warn' | 'neutral' | 'danger';

/** Where a mobility's recognition stands: no transcript yet, the host's transcript recorded, recognised at home. */
export type RecognitionStatus = 'none' | 'transcript' | 'recognised';

export const recognitionStatusLabel: Record<RecognitionStatus, () => string> = {
  none: m.recognition_status_none,
  transcript: m.recognition_status_transcript,
  recognised: m.recognition_status_recognised,
};

export const recognitionStatusTone: Record<RecognitionStatus, Tone> = { none: 'neutral', transcript: 'warn', recognised: 'ok' };

/** Passed or failed, in words. */
export const resultLabel = (passed: boolean) => (passed ? m.recognition_passed() : m.recognition_failed());

/** Recognised or not, in words. */
export const recognisedLabel = (recognised: boolean) => (recognised ? m.recognition_yes() : m.recognition_no());

/** A number as the page language writes it: `2.5`, `2,5`. */
export const numberLabel = (value: number) => new Intl.NumberFormat(intlTag(), { maximumFractionDigits: 2 }).format(value);

/** A scale in one line: "0–100, passing from 60; 合格 (passing), 不合格 (failing)". */
export function scaleLabel(scale: GradeScale | null): string {
  if (!scale) return m.grading_scale_none();
  const numeric = scale.numeric
    ? m.grading_scale_numeric({ min: numberLabel(scale.numeric.min), max: numberLabel(scale.numeric.max), passFrom: numberLabel(scale.numeric.passFrom) })
    : '';
  // Chinese lists its items with the enumeration comma.
  const named = scale.grades
    .map((grade) => (grade.passing ? m.grading_scale_passing({ grade: grade.value }) : m.grading_scale_failing({ grade: grade.value })))
    .join(currentLocale() === 'zh' ? '、' : ', ');
  return numeric && named ? m.grading_scale_both({ numeric, named }) : numeric || named;
}

/** A credit unit in one line: "学分, 1.5 ECTS each". */
export const creditUnitLabel = (unit: CreditUnit | null) =>
  unit ? m.grading_unit_line({ name: unit.name, factor: numberLabel(unit.ectsFactor) }) : m.grading_unit_none();

/** Credits with their unit when it is known: "4 学分". */
export const creditsLabel = (credits: number, unit: CreditUnit | null | undefined) =>
  unit ? m.recognition_credits_in({ credits: numberLabel(credits), unit: unit.name }) : numberLabel(credits);

const problems: Record<string, () => string> = {
  not_started: m.recognition_error_not_started,
  already_recognised: m.recognition_error_already_recognised,
  no_grade_scale: m.recognition_error_no_grade_scale,
  no_transcript: m.recognition_error_no_transcript,
  not_returned: m.recognition_error_not_returned,
};

const fields: Record<string, () => string> = {
  grade_not_on_scale: m.recognition_field_error_grade_not_on_scale,
  passed_mismatch: m.recognition_field_error_passed_mismatch,
  duplicate: m.recognition_field_error_duplicate,
  unknown_component: m.recognition_field_error_unknown_component,
  not_recognised: m.recognition_field_error_not_recognised,
  credits_invalid: m.recognition_field_error_credits_invalid,
  components_required: m.recognition_field_error_components_required,
  too_many: m.recognition_field_error_too_many,
};

/** A problem code the transcript and recognition calls answer with, in the page language. */
export const recognitionProblem = (code: string) => problems[code]?.() ?? (code in fields ? m.recognition_error_invalid() : exchangeProblem(code));

/** A field error of the transcript and recognition forms in the page language. */
export const recognitionField = (code: string | undefined) => (code ? (fields[code]?.() ?? exchangeField(code)) : '');

const gradingFields: Record<string, () => string> = {
  range_invalid: m.grading_field_error_range_invalid,
  pass_mark_outside: m.grading_field_error_pass_mark_outside,
  scale_required: m.grading_field_error_scale_required,
  factor_invalid: m.grading_field_error_factor_invalid,
  duplicate: m.grading_field_error_duplicate,
  from_both: m.grading_field_error_from_both,
  from_required: m.grading_field_error_from_required,
  band_order: m.grading_field_error_band_order,
  not_on_scale: m.grading_field_error_not_on_scale,
  overlapping_band: m.grading_field_error_overlapping_band,
  number_invalid: m.grading_field_error_number_invalid,
  too_many: m.grading_field_error_too_many,
};

/** A problem code of the grading calls in the page language. */
export const gradingProblem = (code: string) => (code in gradingFields ? m.grading_error_invalid() : exchangeProblem(code));

/** A field error of the grading forms in the page language. */
export const gradingField = (code: string | undefined) => (code ? (gradingFields[code]?.() ?? exchangeField(code)) : '');
