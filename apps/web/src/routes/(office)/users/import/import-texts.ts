/** The import page's words for the fields of a list, the reasons a row is refused and the reasons a file is. */
import type { UserImportField } from '@exchange/shared';
import { m } from '@exchange/texts/messages';
import { problemMessage } from '$lib/problems';

export const fieldLabel: Record<UserImportField, () => string> = {
  email: m.field_email,
  fullName: m.field_full_name,
  fullNameLatin: m.import_field_full_name_latin,
  locale: m.people_language,
  studyLevel: m.import_field_study_level,
  institution: m.people_institution,
};

const rowErrors: Record<string, () => string> = {
  required: m.field_required,
  invalid_email: m.field_email_invalid,
  duplicate_in_file: m.import_error_duplicate_in_file,
  email_taken: m.import_error_email_taken,
  unknown_study_level: m.import_error_unknown_study_level,
  unknown_language: m.import_error_unknown_language,
  unknown_institution: m.import_error_unknown_institution,
  too_long: m.field_too_long_text,
  not_latin: m.account_full_name_latin_invalid,
};
export const rowErrorText = (code: string) => (rowErrors[code] ?? m.field_invalid)();

/** Why a whole file was refused, in the page language; `cell` names the cell of a formula. */
export function refusalText(problem: string, cell: string): string {
  const texts: Record<string, () => string> = {
    unsupported_file_type: m.import_refused_file_type,
    formula_in_cell: () => m.import_refused_formula({ cell }),
    too_many_rows: () => m.import_refused_too_many_rows({ max: '10 000' }),
    too_many_columns: () => m.import_refused_too_many_columns({ max: '50' }),
    workbook_too_large: m.import_refused_workbook_too_large,
    foreign_institution: m.import_refused_foreign_institution,
    mapping_incomplete: m.import_refused_mapping_incomplete,
    mapping_invalid: m.import_refused_mapping_incomplete,
    empty_file: m.import_refused_empty,
    unreadable_file: m.import_refused_unreadable,
    file_too_large: m.import_refused_too_large,
    file_required: m.import_refused_file_required,
    institution_required: m.import_refused_institution_required,
  };
  return (texts[problem] ?? (() => problemMessage(problem)))();
}
