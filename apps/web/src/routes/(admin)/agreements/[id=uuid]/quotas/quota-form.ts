/**
 * The quota line form: reads the posted fields, checks them as the contract does, and keeps
 * what was typed so the form can show it again next to the errors.
 */
import {
  eqfLevels as knownEqfLevels,
  isAcademicYear,
  languageLevels,
  languages,
  mobilityTypes,
  type LanguageRequirement,
  type MobilityType,
  type Quota,
  type QuotaCreate,
  type QuotaUpdate,
} from '@exchange/shared';

export type QuotaFormValues = {
  seats: string;
  totalMonths: string;
  eqfLevels: number[];
  iscedCodes: string;
  language: string;
  level: string;
};

export type QuotaLineValues = {
  sendingInstitutionId: string;
  receivingInstitutionId: string;
  academicYear: string;
  mobilityType: string;
};

export type QuotaFormErrors = Partial<Record<keyof QuotaFormValues | keyof QuotaLineValues, string>>;

export function quotaFormValues(quota: Quota | null): QuotaFormValues {
  return {
    seats: quota ? String(quota.seats) : '',
    totalMonths: quota?.totalMonths ? String(quota.totalMonths) : '',
    eqfLevels: quota ? [...quota.eqfLevels] : [6],
    iscedCodes: quota ? quota.iscedCodes.join(', ') : '',
    language: quota?.languageRequirement?.language ?? '',
    level: quota?.languageRequirement ? `${quota.languageRequirement.scale}:${quota.languageRequirement.level}` : '',
  };
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

/** The fields every quota line has, for PATCH /quotas/:id. */
export function parseQuotaFields(form: FormData): { values: QuotaFormValues; errors: QuotaFormErrors; body: QuotaUpdate } {
  const values: QuotaFormValues = {
    seats: field(form, 'seats'),
    totalMonths: field(form, 'totalMonths'),
    eqfLevels: form
      .getAll('eqfLevels')
      .map(Number)
      .filter((level) => (knownEqfLevels as readonly number[]).includes(level)),
    iscedCodes: field(form, 'iscedCodes'),
    language: field(form, 'language'),
    level: field(form, 'level'),
  };
  const errors: QuotaFormErrors = {};

  const seats = wholeNumber(values.seats, 0, 10_000);
  if (values.seats === '') errors.seats = 'required';
  else if (seats === null) errors.seats = 'number_invalid';

  let totalMonths: number | null = null;
  if (values.totalMonths !== '') {
    totalMonths = wholeNumber(values.totalMonths, 1, 120_000);
    if (totalMonths === null) errors.totalMonths = 'number_invalid';
  }

  if (values.eqfLevels.length === 0) errors.eqfLevels = 'eqf_required';

  const iscedCodes = values.iscedCodes.split(/[\s,;]+/).filter(Boolean);
  if (iscedCodes.length > 20 || iscedCodes.some((code) => !/^\d{4}$/.test(code))) errors.iscedCodes = 'isced_invalid';

  let languageRequirement: LanguageRequirement | null = null;
  if (values.language !== '') {
    const [scale = '', level = ''] = values.level.split(':');
    const validLanguage = (languages as readonly string[]).includes(values.language);
    const validLevel = scale in languageLevels && (languageLevels[scale as keyof typeof languageLevels] as readonly string[]).includes(level);
    if (!validLanguage) errors.language = 'required';
    else if (!validLevel) errors.level = values.level ? 'level_invalid' : 'required';
    else
      languageRequirement = {
        language: values.language as LanguageRequirement['language'],
        scale: scale as LanguageRequirement['scale'],
        level,
      };
  }

  const body: QuotaUpdate = {
    ...(seats !== null && { seats }),
    totalMonths,
    eqfLevels: values.eqfLevels as QuotaUpdate['eqfLevels'],
    iscedCodes: [...new Set(iscedCodes)],
    languageRequirement,
  };
  return { values, errors, body };
}

/** A whole new line, for POST /quotas. */
export function parseQuotaCreate(
  form: FormData,
  agreementId: string,
  partyIds: readonly string[],
): { values: QuotaFormValues & QuotaLineValues; errors: QuotaFormErrors; body: QuotaCreate | null } {
  const fields = parseQuotaFields(form);
  const line: QuotaLineValues = {
    sendingInstitutionId: field(form, 'sendingInstitutionId'),
    receivingInstitutionId: field(form, 'receivingInstitutionId'),
    academicYear: field(form, 'academicYear'),
    mobilityType: field(form, 'mobilityType'),
  };
  const errors: QuotaFormErrors = { ...fields.errors };
  if (!partyIds.includes(line.sendingInstitutionId)) errors.sendingInstitutionId = 'required';
  if (!partyIds.includes(line.receivingInstitutionId)) errors.receivingInstitutionId = 'required';
  else if (line.receivingInstitutionId === line.sendingInstitutionId) errors.receivingInstitutionId = 'same_institution';
  if (!isAcademicYear(line.academicYear)) errors.academicYear = line.academicYear ? 'academic_year_invalid' : 'required';
  if (!(mobilityTypes as readonly string[]).includes(line.mobilityType)) errors.mobilityType = 'required';

  const values = { ...fields.values, ...line };
  if (Object.keys(errors).length > 0 || fields.body.seats === undefined) return { values, errors, body: null };
  return {
    values,
    errors,
    body: {
      agreementId,
      sendingInstitutionId: line.sendingInstitutionId,
      receivingInstitutionId: line.receivingInstitutionId,
      academicYear: line.academicYear,
      mobilityType: line.mobilityType as MobilityType,
      seats: fields.body.seats,
      totalMonths: fields.body.totalMonths ?? null,
      eqfLevels: fields.body.eqfLevels ?? [],
      iscedCodes: fields.body.iscedCodes ?? [],
      languageRequirement: fields.body.languageRequirement ?? null,
    },
  };
}

/** The API's validation errors, as codes of the form's fields. */
export function quotaErrorsFromApi(fieldErrors: Record<string, string>): QuotaFormErrors {
  const errors: QuotaFormErrors = {};
  const codes: Record<string, string> = {
    seats: 'number_invalid',
    totalMonths: 'number_invalid',
    eqfLevels: 'eqf_required',
    iscedCodes: 'isced_invalid',
    languageRequirement: 'level_invalid',
    academicYear: 'academic_year_invalid',
    sendingInstitutionId: 'required',
    receivingInstitutionId: 'same_institution',
    mobilityType: 'required',
  };
  for (const name of Object.keys(fieldErrors)) {
    const code = codes[name];
    if (!code) continue;
    if (name === 'languageRequirement') errors.level = code;
    else errors[name as keyof QuotaFormErrors] = code;
  }
  return errors;
}
