/**
 * The home office's recognition as a form: one row per home component of the learning agreement
 * (recognised, home grade, home credits, note), prefilled with what the conversion table
 * proposes. The components are the agreement's: carried as hidden fields, never added or taken
 * away. The body is checked by the contract's schema and by the rules the API applies too (a
 * recognised component needs its grade; one not recognised brings no credits).
 */
import { recognitionRequest, type Recognition } from '@exchange/shared';
import { numberOf, readRows, segmentsOf, type PathProblem } from './rows';

export type DecisionRow = { key: string; code: string; title: string; recognised: boolean; homeGrade: string; homeCredits: string; note: string };
export type DecisionValues = { rows: DecisionRow[] };
/** Error codes by `<row key>.<field>` (`homeGrade`, `homeCredits`, `note`, `row`), or by `components`. */
export type DecisionErrors = Record<string, string>;
export type DecisionBody = ReturnType<typeof recognitionRequest.parse>;

export const decisionList = 'decision';

/** What the conversion table and the learning agreement propose, one row per home component. */
export const decisionValues = (proposal: Recognition['proposal']): DecisionValues => ({
  rows: proposal.map((line, index) => ({
    key: `${decisionList}-${index}`,
    code: line.code,
    title: line.title,
    recognised: line.recognised,
    homeGrade: line.homeGrade ?? '',
    homeCredits: String(line.homeCredits),
    note: '',
  })),
});

export function readDecisionForm(form: FormData): DecisionValues {
  return {
    rows: readRows(form, decisionList, 'code', (field, key) => ({
      key,
      code: field('code'),
      title: field('title'),
      recognised: field('recognised') === 'yes',
      homeGrade: field('homeGrade'),
      homeCredits: field('homeCredits'),
      note: field('note'),
    })),
  };
}

/** The POST body for the typed values, or the errors the form shows. */
export function decisionBody(values: DecisionValues): { body?: DecisionBody; errors: DecisionErrors } {
  const errors: DecisionErrors = {};
  const components = values.rows.map((row) => {
    const credits = numberOf(row.homeCredits);
    if (row.recognised && !row.homeGrade) errors[`${row.key}.homeGrade`] = 'required';
    if (!row.recognised && credits > 0) errors[`${row.key}.homeCredits`] = 'not_recognised';
    return { code: row.code, recognised: row.recognised, homeGrade: row.homeGrade || null, homeCredits: credits, note: row.note || null };
  });
  const parsed = recognitionRequest.safeParse({ components });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code }));
    for (const [name, code] of Object.entries(decisionErrors(problems, values.rows))) errors[name] ??= code;
  }
  return parsed.success && Object.keys(errors).length === 0 ? { body: parsed.data, errors } : { errors };
}

const domainCodes = new Set(['grade_not_on_scale', 'not_recognised', 'duplicate', 'unknown_component', 'required']);

function fieldCode(field: string, code: string): string {
  if (domainCodes.has(code)) return code;
  if (field === 'homeCredits') return 'credits_invalid';
  if (code === 'too_big') return 'too_long_text';
  return field === 'note' ? 'invalid' : 'required';
}

/** Problems with paths (the API's `body.components.2.homeCredits`) as the form's error codes, beside the row's field. */
export function decisionErrors(problems: readonly PathProblem[], rows: readonly { key: string }[]): DecisionErrors {
  const errors: DecisionErrors = {};
  for (const problem of problems) {
    const [name = '', index, field = ''] = segmentsOf(problem.path);
    if (name !== 'components') continue;
    const key = index === undefined ? undefined : rows[Number(index)]?.key;
    if (key === undefined) errors.components ??= 'components_required';
    else errors[`${key}.${field === 'code' || field === 'recognised' || !field ? 'row' : field}`] ??= fieldCode(field, problem.code);
  }
  return errors;
}
