/** The call form: typed values read from the form, and the create/update body with field errors. */
import {
  documentTypes,
  extraIdentityFields,
  isAcademicYear,
  languageLevels,
  languageScales,
  languages,
  mobilityTypes,
  zonedLocalToInstant,
  type CallCreate,
  type DocumentType,
  type ExtraIdentityField,
  type Language,
  type LanguageScale,
  type MobilityType,
} from '@exchange/shared';
import { dedupe } from './application-form.js';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

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
export type CallErrors = Partial<
  Record<
    | 'institutionId'
    | 'title'
    | 'academicYear'
    | 'mobilityType'
    | 'opensAt'
    | 'closesAt'
    | 'maxPreferences'
    | 'minGpa'
    | 'languageRequirement'
    | 'requiredDocuments'
    | 'quotaIds',
    string
  >
>;

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
