/**
 * The application form without JavaScript: ranked preferences edited by buttons, the typed
 * values read from the form, and the PATCH body built and checked by the contract's own
 * schema (`applicationUpdate`), so the form refuses exactly what the API refuses.
 */
import { applicationUpdate, identityFields, type ApplicationUpdate, type IdentityField } from '@exchange/shared';

// ——— preferences ———

/** Applies one edit to a ranked list of quota lines: no duplicates, at most `max`. */
export function editPreferences(
  list: readonly string[],
  edit: { op: 'up' | 'down' | 'remove' | 'add'; quotaId: string },
  max: number,
  offered: readonly string[],
): string[] {
  const current = dedupe(list).filter((quotaId) => offered.includes(quotaId));
  const index = current.indexOf(edit.quotaId);
  switch (edit.op) {
    case 'add':
      if (index >= 0 || current.length >= max || !offered.includes(edit.quotaId)) return current;
      return [...current, edit.quotaId];
    case 'remove':
      return current.filter((quotaId) => quotaId !== edit.quotaId);
    case 'up':
    case 'down': {
      const target = edit.op === 'up' ? index - 1 : index + 1;
      if (index < 0 || target < 0 || target >= current.length) return current;
      const next = [...current];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    }
  }
}

export const dedupe = (list: readonly string[]) => [...new Set(list.filter(Boolean))];

/** Reads a `move` button's value: `up:<quotaId>`, `down:…`, `remove:…`, `add:…`. */
export function parseEdit(value: string | null, addChoice: string | null): { op: 'up' | 'down' | 'remove' | 'add'; quotaId: string } | null {
  if (!value) return null;
  const [op, quotaId = ''] = value.split(':');
  if (op === 'add') return addChoice ? { op, quotaId: addChoice } : null;
  if ((op === 'up' || op === 'down' || op === 'remove') && quotaId) return { op, quotaId };
  return null;
}

// ——— the typed values ———

export type CertificateValues = { language: string; test: string; level: string; date: string };
export type ApplicationValues = {
  preferences: string[];
  motivation: string;
  gpa: string;
  certificates: CertificateValues[];
} & Record<IdentityField, string>;
export type ApplicationErrors = Partial<Record<'motivation' | 'gpa' | IdentityField | 'preferences' | 'certificates', string>> & {
  certificateRows?: Record<number, string>;
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function readApplicationForm(form: FormData): ApplicationValues {
  const column = (name: string) => form.getAll(name).map((value) => String(value).trim());
  const languagesColumn = column('certLanguage');
  const tests = column('certTest');
  const levels = column('certLevel');
  const dates = column('certDate');
  const certificates: CertificateValues[] = languagesColumn.map((language, index) => ({
    language,
    test: tests[index] ?? '',
    level: levels[index] ?? '',
    date: dates[index] ?? '',
  }));
  return {
    preferences: dedupe(form.getAll('pref').map(String)),
    motivation: String(form.get('motivation') ?? '')
      .replace(/\r\n/g, '\n')
      .trim(),
    gpa: text(form, 'gpa').replace(',', '.'),
    fullNameLatin: text(form, 'fullNameLatin'),
    passportNumber: text(form, 'passportNumber'),
    passportExpiresOn: text(form, 'passportExpiresOn'),
    birthDate: text(form, 'birthDate'),
    // Country codes are written in capitals (ISO 3166); "ru" is meant as RU.
    citizenship: text(form, 'citizenship').toUpperCase(),
    sex: text(form, 'sex'),
    studyLevel: text(form, 'studyLevel'),
    fieldOfStudy: text(form, 'fieldOfStudy'),
    certificates,
  };
}

// ——— the body, checked by the contract ———

/** The error code a page names for each field whose value the shared rule refuses. */
const errorCodes: Record<IdentityField | 'gpa' | 'motivation' | 'preferences', string> = {
  fullNameLatin: 'latin_only',
  passportNumber: 'passport_invalid',
  passportExpiresOn: 'date_invalid',
  birthDate: 'birth_date_invalid',
  citizenship: 'citizenship_invalid',
  sex: 'invalid',
  studyLevel: 'invalid',
  fieldOfStudy: 'isced_invalid',
  gpa: 'gpa_invalid',
  motivation: 'invalid',
  preferences: 'invalid',
};
const numericFields: readonly string[] = ['sex', 'studyLevel', 'gpa'];

/** A typed number as the API would receive it: blank is null, anything else a number (NaN is refused by the schema). */
const numberOrNull = (raw: string) => (raw === '' ? null : Number(raw));
const isFilled = (row: CertificateValues) => Boolean(row.test || row.level || row.date);

/** Turns the typed values into a PATCH body, or field errors; blank certificate rows are dropped. */
export function applicationBody(values: ApplicationValues, max: number): { body?: ApplicationUpdate; errors: ApplicationErrors } {
  // Which form row each certificate of the body came from, to point at the row in error.
  const rowOf = values.certificates.flatMap((row, index) => (isFilled(row) ? [index] : []));
  const candidate: Record<string, unknown> = {
    preferences: values.preferences.map((quotaId, index) => ({ quotaId, rank: index + 1 })),
    motivation: values.motivation,
    gpa: numberOrNull(values.gpa),
    languageCertificates: rowOf.map((index) => values.certificates[index]!),
  };
  for (const field of identityFields) candidate[field] = numericFields.includes(field) ? numberOrNull(values[field]) : values[field] || null;

  const errors: ApplicationErrors = {};
  // The call's own limit is stricter than the contract's five.
  if (values.preferences.length > max) errors.preferences = 'too_many';
  const parsed = applicationUpdate.safeParse(candidate);
  if (!parsed.success) Object.assign(errors, errorsOf(parsed.error.issues, rowOf));
  if (parsed.success && Object.keys(errors).length === 0) return { errors, body: parsed.data };
  return { errors };
}

type Issue = NonNullable<ReturnType<typeof applicationUpdate.safeParse>['error']>['issues'][number];

/** The schema's issues as the form's field errors: the first issue of a field names it. */
function errorsOf(issues: readonly Issue[], rowOf: readonly number[]): ApplicationErrors {
  const errors: ApplicationErrors = {};
  const rows: Record<number, string> = {};
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (field === 'languageCertificates') {
      const row = typeof index === 'number' ? rowOf[index] : undefined;
      if (row === undefined) errors.certificates ??= 'too_many';
      else rows[row] ??= issue.code === 'too_big' ? 'too_long_text' : 'certificate_incomplete';
    } else if (typeof field === 'string' && field in errorCodes) {
      const name = field as keyof typeof errorCodes;
      errors[name] ??= issue.code !== 'too_big' || name === 'gpa' ? errorCodes[name] : name === 'preferences' ? 'too_many' : 'too_long_text';
    }
  }
  if (Object.keys(rows).length > 0) {
    errors.certificates ??= 'certificate_incomplete';
    errors.certificateRows = rows;
  }
  return errors;
}
