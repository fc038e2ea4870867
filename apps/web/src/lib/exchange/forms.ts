/**
 * Pure helpers of the exchange pages: ranked preferences edited without JavaScript, the
 * application and call forms read into API bodies, missing items of a refused submission,
 * deadlines, and the flows report as a matrix. No texts here: the pages name things.
 */
import {
  documentTypes,
  extraIdentityFields,
  identity,
  identityFields,
  languageLevels,
  languageScales,
  languages,
  mobilityTypes,
  zonedLocalToInstant,
  isAcademicYear,
  type ApplicationUpdate,
  type CallCreate,
  type DocumentType,
  type ExtraIdentityField,
  type IdentityField,
  type Language,
  type LanguageScale,
  type MissingItem,
  type MobilityType,
} from '@exchange/shared';

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

// ——— the application form ———

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
    motivation: String(form.get('motivation') ?? '').replace(/\r\n/g, '\n').trim(),
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

/** The error code a page names for each identity field whose value the shared rule refuses. */
const identityErrorCodes: Record<IdentityField, string> = {
  fullNameLatin: 'latin_only',
  passportNumber: 'passport_invalid',
  passportExpiresOn: 'date_invalid',
  birthDate: 'birth_date_invalid',
  citizenship: 'citizenship_invalid',
  sex: 'invalid',
  studyLevel: 'invalid',
  fieldOfStudy: 'isced_invalid',
};
const numericIdentity: readonly IdentityField[] = ['sex', 'studyLevel'];

/** The identity fields checked by the shared rules (the API's own): a blank field is null. */
function identityValues(values: ApplicationValues) {
  const errors: Partial<Record<IdentityField, string>> = {};
  const checked: Record<string, string | number | null> = {};
  for (const field of identityFields) {
    const raw = values[field];
    if (!raw) {
      checked[field] = null;
      continue;
    }
    const parsed = identity[field].safeParse(numericIdentity.includes(field) ? Number(raw) : raw);
    if (parsed.success) checked[field] = parsed.data;
    else errors[field] = parsed.error.issues.some((issue) => issue.code === 'too_big') ? 'too_long_text' : identityErrorCodes[field];
  }
  return { errors, values: checked as Pick<ApplicationUpdate, IdentityField> };
}

/** Turns the typed values into a PATCH body, or field errors; blank certificate rows are dropped. */
export function applicationBody(values: ApplicationValues, max: number): { body?: ApplicationUpdate; errors: ApplicationErrors } {
  const errors: ApplicationErrors = {};
  let gpa: number | null = null;
  if (values.gpa) {
    const number = Number(values.gpa);
    if (!/^\d(\.\d{1,2})?$/.test(values.gpa) || !Number.isFinite(number) || number < 0 || number > 5) errors.gpa = 'gpa_invalid';
    else gpa = number;
  }
  if (values.motivation.length > 5000) errors.motivation = 'too_long_text';
  const person = identityValues(values);
  Object.assign(errors, person.errors);
  if (values.preferences.length > max) errors.preferences = 'too_many';

  const rows: Record<number, string> = {};
  const certificates = values.certificates.flatMap((row, index) => {
    if (!row.test && !row.level && !row.date) return [];
    if (!(languages as readonly string[]).includes(row.language) || !row.test || !row.level || !/^\d{4}-\d{2}-\d{2}$/.test(row.date)) {
      rows[index] = 'certificate_incomplete';
      return [];
    }
    if (row.test.length > 50 || row.level.length > 20) {
      rows[index] = 'too_long_text';
      return [];
    }
    return [{ language: row.language as Language, test: row.test, level: row.level, date: row.date }];
  });
  if (Object.keys(rows).length > 0) {
    errors.certificates = 'certificate_incomplete';
    errors.certificateRows = rows;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      preferences: values.preferences.map((quotaId, index) => ({ quotaId, rank: index + 1 })),
      motivation: values.motivation,
      gpa,
      ...person.values,
      languageCertificates: certificates,
    },
  };
}

/** What a refused submission lacks, from the problem's field errors (`documents.transcript`, `gpa`, …). */
export function missingFromErrors(errors: readonly { path: string; code: string }[]): MissingItem[] {
  const items: MissingItem[] = [];
  for (const error of errors) {
    const path = error.path.replace(/^\/?(body[./])?/, '');
    const [head, tail] = path.split(/[./]/);
    if (head === 'documents' && tail && (documentTypes as readonly string[]).includes(tail)) {
      items.push({ item: 'document', documentType: tail as DocumentType });
    } else if (head === 'languageCertificates' && tail && (languages as readonly string[]).includes(tail)) {
      items.push({ item: 'languageCertificate', language: tail as Language });
    } else if (head === 'preferences' || head === 'motivation' || head === 'gpa' || (identityFields as readonly string[]).includes(head ?? '')) {
      items.push({ item: head as 'preferences' | IdentityField });
    }
  }
  return items;
}

// ——— deadlines ———

/** Days, hours and minutes until `closesAt`; null once it has passed. */
export function countdown(closesAt: string | Date, now: Date): { days: number; hours: number; minutes: number } | null {
  const left = new Date(closesAt).getTime() - now.getTime();
  if (!(left > 0)) return null;
  const minutesTotal = Math.floor(left / 60_000);
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}

// ——— the call form ———

export type CallValues = {
  titleRu: string;
  titleZh: string;
  titleEn: string;
  descriptionRu: string;
  descriptionZh: string;
  descriptionEn: string;
  academicYear: string;
  mobilityType: string;
  opensAt: string;
  closesAt: string;
  maxPreferences: string;
  minGpa: string;
  languageLanguage: string;
  languageScale: string;
  languageLevel: string;
  requiredDocuments: string[];
  /** Identity fields asked besides the base set (birth date, citizenship, sex, passport expiry). */
  requiredIdentity: string[];
  quotaIds: string[];
  /** Whose call: chosen by an administrator only; a coordinator's calls are its institution's. */
  institutionId?: string;
};
export type CallErrors = Partial<Record<'institutionId' | 'title' | 'academicYear' | 'mobilityType' | 'opensAt' | 'closesAt' | 'maxPreferences' | 'minGpa' | 'languageRequirement' | 'requiredDocuments' | 'quotaIds', string>>;

export function readCallForm(form: FormData): CallValues {
  // The level field carries its scale: `HSK:4`, `CEFR:B2`, `TORFL:TORFL-1`.
  const [scale = '', level = ''] = text(form, 'languageLevel').split(':');
  return {
    titleRu: text(form, 'titleRu'),
    titleZh: text(form, 'titleZh'),
    titleEn: text(form, 'titleEn'),
    descriptionRu: text(form, 'descriptionRu'),
    descriptionZh: text(form, 'descriptionZh'),
    descriptionEn: text(form, 'descriptionEn'),
    academicYear: text(form, 'academicYear'),
    mobilityType: text(form, 'mobilityType'),
    opensAt: text(form, 'opensAt'),
    closesAt: text(form, 'closesAt'),
    maxPreferences: text(form, 'maxPreferences'),
    minGpa: text(form, 'minGpa').replace(',', '.'),
    languageLanguage: text(form, 'languageLanguage'),
    languageScale: level ? scale : '',
    languageLevel: level,
    requiredDocuments: dedupe(form.getAll('requiredDocuments').map(String)),
    requiredIdentity: dedupe(form.getAll('requiredIdentity').map(String)),
    quotaIds: dedupe(form.getAll('quotaIds').map(String)),
  };
}

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The call body; times typed as wall-clock time in the institution's zone become instants. */
export function callBody(values: CallValues, timeZone: string): { body?: Omit<CallCreate, 'status'>; errors: CallErrors } {
  const errors: CallErrors = {};
  if (!values.titleRu && !values.titleZh && !values.titleEn) errors.title = 'title_required';
  if (!isAcademicYear(values.academicYear)) errors.academicYear = 'academic_year_invalid';
  if (!(mobilityTypes as readonly string[]).includes(values.mobilityType)) errors.mobilityType = 'required';
  if (!localPattern.test(values.opensAt)) errors.opensAt = 'required';
  if (!localPattern.test(values.closesAt)) errors.closesAt = 'required';
  const opensAt = errors.opensAt ? null : zonedLocalToInstant(values.opensAt, timeZone);
  const closesAt = errors.closesAt ? null : zonedLocalToInstant(values.closesAt, timeZone);
  if (opensAt && closesAt && closesAt <= opensAt) errors.closesAt = 'before_opening';
  const max = Number(values.maxPreferences);
  if (!Number.isInteger(max) || max < 1 || max > 5) errors.maxPreferences = 'number_invalid';
  let minGpa: number | null = null;
  if (values.minGpa) {
    const number = Number(values.minGpa);
    if (!/^\d(\.\d{1,2})?$/.test(values.minGpa) || number > 5) errors.minGpa = 'gpa_invalid';
    else minGpa = number;
  }
  let languageRequirement: CallCreate['languageRequirement'] = null;
  if (values.languageLanguage || values.languageLevel) {
    const scale = values.languageScale as LanguageScale;
    if (
      !(languages as readonly string[]).includes(values.languageLanguage) ||
      !(languageScales as readonly string[]).includes(scale) ||
      !(languageLevels[scale] as readonly string[]).includes(values.languageLevel)
    ) {
      errors.languageRequirement = 'level_invalid';
    } else {
      languageRequirement = { language: values.languageLanguage as Language, scale, level: values.languageLevel };
    }
  }
  const requiredDocuments = values.requiredDocuments.filter((type): type is DocumentType => (documentTypes as readonly string[]).includes(type));
  const requiredIdentity = values.requiredIdentity.filter((field): field is ExtraIdentityField => (extraIdentityFields as readonly string[]).includes(field));
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      title: { ru: values.titleRu, zh: values.titleZh, en: values.titleEn },
      description: { ru: values.descriptionRu, zh: values.descriptionZh, en: values.descriptionEn },
      academicYear: values.academicYear,
      mobilityType: values.mobilityType as MobilityType,
      opensAt: opensAt!.toISOString(),
      closesAt: closesAt!.toISOString(),
      maxPreferences: max,
      minGpa,
      languageRequirement,
      requiredDocuments,
      requiredIdentity,
      quotaIds: values.quotaIds,
    },
  };
}

// ——— lists ———

/** A list page's query: known keys only, blanks dropped, offset a non-negative integer. */
export function listParams(url: URL, keys: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) {
    const value = url.searchParams.get(key)?.trim();
    if (value) result[key] = value.slice(0, 100);
  }
  if (result.offset !== undefined) {
    const offset = Number(result.offset);
    if (Number.isInteger(offset) && offset > 0) result.offset = String(offset);
    else delete result.offset;
  }
  return result;
}

/** A link to the same list with some parameters changed (`undefined` removes one). */
export function withParams(params: Record<string, string>, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== '' && !(key === 'offset' && Number(value) === 0)) next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `?${query}` : '?';
}

// ——— flows ———

export type FlowDirection = { sendingInstitutionId: string; receivingInstitutionId: string; seats: number; nominated: number; approved: number };

/** The six directions as a matrix: rows send, columns receive, the diagonal empty. */
export function flowMatrix(institutionIds: readonly string[], directions: readonly FlowDirection[]): (FlowDirection | null)[][] {
  return institutionIds.map((from) =>
    institutionIds.map((to) =>
      from === to
        ? null
        : (directions.find((direction) => direction.sendingInstitutionId === from && direction.receivingInstitutionId === to) ?? {
            sendingInstitutionId: from,
            receivingInstitutionId: to,
            seats: 0,
            nominated: 0,
            approved: 0,
          }),
    ),
  );
}

/** Bar length in percent of the largest value, at least a sliver for non-zero values. */
export const barPercent = (value: number, largest: number) => (largest <= 0 || value <= 0 ? 0 : Math.max(2, Math.round((value / largest) * 100)));

/** Academic years around a date, for a year picker: two back, one ahead. */
export function academicYearsAround(date: Date): string[] {
  const year = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return [year - 2, year - 1, year, year + 1].map((start) => `${start}/${start + 1}`);
}
