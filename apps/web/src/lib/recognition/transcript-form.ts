/**
 * The host's transcript as a form: one row per component (code, title, credits in the host's
 * unit, grade in the host's scale, date), and the date the transcript was issued. Prefilled with
 * the recorded transcript, else with the components the learning agreement in force lists. The
 * body is checked by the contract's own schema (`transcriptUpdate`); whether a grade is on the
 * host's scale is the API's to say (`body.components.1.grade`), shown beside the row.
 */
import { inForce, transcriptUpdate, type StudiedComponent, type Transcript } from '@exchange/shared';
import { numberOf, readRows, segmentsOf, type PathProblem } from './rows';

export type TranscriptRow = { key: string; code: string; title: string; credits: string; grade: string; date: string };
export type TranscriptValues = { issuedOn: string; rows: TranscriptRow[] };
/** Error codes by `<row key>.<field>`, or by `issuedOn`, `components`. */
export type TranscriptErrors = Record<string, string>;
export type TranscriptBody = ReturnType<typeof transcriptUpdate.parse>;

export const transcriptList = 'components';
const keyOf = (index: number) => `${transcriptList}-${index}`;

export const blankTranscriptRow = (key: string): TranscriptRow => ({ key, code: '', title: '', credits: '', grade: '', date: '' });
const isBlank = (row: TranscriptRow) => !row.code && !row.title && !row.credits && !row.grade && !row.date;

/** The recorded transcript; before there is one, the studied components of the learning agreement in force, to be graded. */
export function transcriptValues(transcript: Transcript | null, studied: readonly StudiedComponent[]): TranscriptValues {
  if (transcript) {
    return {
      issuedOn: transcript.issuedOn,
      rows: transcript.components.map((component, index) => ({
        key: keyOf(index),
        code: component.code,
        title: component.title,
        credits: String(component.credits),
        grade: component.grade,
        date: component.date,
      })),
    };
  }
  return {
    issuedOn: '',
    rows: inForce([...studied]).map((component, index) => ({
      ...blankTranscriptRow(keyOf(index)),
      code: component.code,
      title: component.title,
      credits: String(component.credits),
    })),
  };
}

export function readTranscriptForm(form: FormData): TranscriptValues {
  return {
    issuedOn: String(form.get('issuedOn') ?? '').trim(),
    rows: readRows(form, transcriptList, 'code', (field, key) => ({
      key,
      code: field('code'),
      title: field('title'),
      credits: field('credits'),
      grade: field('grade'),
      date: field('date'),
    })),
  };
}

/** Which row each component of the body came from: blank rows are left out. */
export const transcriptBodyRows = (values: TranscriptValues) => values.rows.filter((row) => !isBlank(row)).map((row) => row.key);

/** The PUT body for the typed values, or the errors the form shows. */
export function transcriptBody(values: TranscriptValues): { body?: TranscriptBody; errors: TranscriptErrors } {
  const candidate = {
    issuedOn: values.issuedOn,
    components: values.rows
      .filter((row) => !isBlank(row))
      .map((row) => ({ code: row.code, title: row.title, credits: numberOf(row.credits), grade: row.grade, date: row.date })),
  };
  const parsed = transcriptUpdate.safeParse(candidate);
  if (parsed.success) return { body: parsed.data, errors: {} };
  const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code }));
  return { errors: transcriptErrors(problems, transcriptBodyRows(values)) };
}

/** Codes the API gives a component for what it is, kept as they are. */
const domainCodes = new Set(['grade_not_on_scale', 'passed_mismatch', 'duplicate']);

function fieldCode(field: string, code: string): string {
  if (domainCodes.has(code)) return code;
  if (field === 'credits') return 'credits_invalid';
  if (field === 'date') return 'date_invalid';
  if (code === 'too_big') return 'too_long_text';
  return 'required';
}

/**
 * Problems with paths as the form's error codes; `rows` says which row each component of the
 * body came from. A contradicted pass or fail (`passed_mismatch`) is shown beside the grade.
 */
export function transcriptErrors(problems: readonly PathProblem[], rows: readonly string[]): TranscriptErrors {
  const errors: TranscriptErrors = {};
  const set = (name: string, code: string) => (errors[name] ??= code);
  for (const problem of problems) {
    const [name = '', index, field = ''] = segmentsOf(problem.path);
    if (name === 'issuedOn') set('issuedOn', 'date_invalid');
    else if (name === 'components') {
      const key = index === undefined ? undefined : rows[Number(index)];
      if (key === undefined) set('components', problem.code === 'too_big' ? 'too_many' : 'components_required');
      else set(`${key}.${field === 'passed' ? 'grade' : field || 'code'}`, fieldCode(field, problem.code));
    }
  }
  return errors;
}
