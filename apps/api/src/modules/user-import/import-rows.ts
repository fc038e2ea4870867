/**
 * Turns the rows of a student list into accounts to create, each refused row with its reason.
 * Values are recognised as people write them in any of the three languages: a study level as
 * 6, "Master" or "магистратура", a language as ru, "Russian" or "俄语", an institution by its
 * code or name.
 */
import {
  eqfLevelLabel,
  eqfLevels,
  languageLabel,
  languages,
  locales,
  localeNames,
  userImportFields,
  userImportRequiredFields,
  email as emailSchema,
  isLatinName,
  type Locale,
  type UserImportField,
  type UserImportMapping,
  type UserImportRowError,
} from '@exchange/shared';
import { AppError } from '../../errors.js';
import type { Sheet } from './import-file.js';

export type Party = { id: string; code: string; name: Record<Locale, string>; country: string };
export type Candidate = {
  line: number;
  email: string;
  fullName: string;
  fullNameLatin: string | null;
  locale: Locale;
  studyLevel: number | null;
  institutionId: string;
};

/** Lower case, no spaces, punctuation or "(EQF 7)": how a written value is compared. */
const normal = (value: string) =>
  value
    .toLowerCase()
    .replace(/[(（]\s*eqf\s*\d[)）]/g, '')
    .replace(/[\s\p{P}]+/gu, '');

const headerWords: [UserImportField, string[]][] = [
  ['fullNameLatin', ['latin', 'латиниц', 'латинск', '拼音', '英文名', '拉丁', 'passportname', 'transliteration']],
  ['email', ['email', 'mail', 'почта', '邮箱', '邮件']],
  ['studyLevel', ['level', 'уровень', 'степень', '层次', '学历', '学位', 'eqf', 'degree']],
  ['locale', ['language', 'locale', 'язык', '语言']],
  ['institution', ['institution', 'university', 'вуз', 'университет', 'институт', '学校', '院校', '大学']],
  ['fullName', ['name', 'фио', 'имя', '姓名', '名字']],
];

/** The mapping a header row suggests; the page shows it for the user to correct. */
export function guessMapping(columns: string[]): UserImportMapping {
  const mapping: UserImportMapping = {};
  columns.forEach((column, index) => {
    const header = normal(column);
    const match = headerWords.find(([field, words]) => mapping[field] === undefined && words.some((word) => header.includes(normal(word))));
    if (match) mapping[match[0]] = index;
  });
  return mapping;
}

function valueTable<T>(entries: [T, string[]][]): Map<string, T> {
  return new Map(entries.flatMap(([value, words]) => words.map((word) => [normal(word), value] as [string, T])));
}

const studyLevels = valueTable<number>(
  eqfLevels.map((level) => [
    level,
    [
      String(level),
      `eqf${level}`,
      ...locales.map((locale) => eqfLevelLabel(level, locale)),
      ...({ 6: ['bachelor', 'бакалавр'], 7: ['master', 'магистр'], 8: ['phd', 'doctoral', 'аспирант'] }[level] ?? []),
    ],
  ]),
);
const languageValues = valueTable<Locale>(
  languages.map((language) => [language, [language, localeNames[language]({}), ...locales.map((locale) => languageLabel[language]({}, { locale }))]]),
);

const message: Record<string, string> = {
  required: 'Required',
  invalid_email: 'Not a valid e-mail address',
  duplicate_in_file: 'The same e-mail is on an earlier row',
  unknown_study_level: 'Not a level of study: write 6, 7, 8, bachelor, master or doctorate',
  unknown_language: 'Not a language: write ru, zh or en',
  unknown_institution: 'No institution by this code or name',
  too_long: 'Too long',
  not_latin: 'Latin letters only, as in the passport',
};

/**
 * Checks every row against the mapping. `home` is the one institution the import is for (the
 * administrator's choice, the coordinator's own): a row naming another refuses the whole file.
 * `chosen` is the institution of rows that name none.
 */
export function checkRows(sheet: Sheet, mapping: UserImportMapping, parties: Party[], options: { chosen: string | null; home: string | null }) {
  const missing = userImportRequiredFields.filter((field) => mapping[field] === undefined || mapping[field] === null);
  if (missing.length > 0) {
    throw new AppError(422, 'mapping_incomplete', 'Choose the columns that hold the e-mail and the full name.', {
      errors: missing.map((field) => ({ path: `mapping.${field}`, code: 'required', message: 'Choose a column' })),
    });
  }
  const partyOf = valueTable<Party>(parties.map((party) => [party, [party.code, party.id, ...Object.values(party.name)]]));
  const byId = new Map(parties.map((party) => [party.id, party]));
  const candidates: Candidate[] = [];
  const errors: UserImportRowError[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { line, cells } of sheet.rows) {
    const cell = (field: UserImportField) => {
      const column = mapping[field];
      return column === undefined || column === null ? '' : (cells[column] ?? '');
    };
    const rowErrors: UserImportRowError[] = [];
    const refuse = (field: UserImportField, code: string, detail?: string) =>
      rowErrors.push({ row: line, field, code, message: detail ?? message[code] ?? code, value: cell(field).slice(0, 200) });

    const parsedEmail = emailSchema.safeParse(cell('email'));
    const email = parsedEmail.success ? parsedEmail.data : '';
    if (!cell('email')) refuse('email', 'required');
    else if (!parsedEmail.success) refuse('email', 'invalid_email');
    else if (firstRowOf.has(email)) refuse('email', 'duplicate_in_file', `The same e-mail is on row ${firstRowOf.get(email)}`);
    else firstRowOf.set(email, line);

    const fullName = cell('fullName');
    if (!fullName) refuse('fullName', 'required');
    else if (fullName.length > 200) refuse('fullName', 'too_long');
    const fullNameLatin = cell('fullNameLatin');
    if (fullNameLatin.length > 200) refuse('fullNameLatin', 'too_long');
    else if (fullNameLatin && !isLatinName(fullNameLatin)) refuse('fullNameLatin', 'not_latin');

    const level = cell('studyLevel') ? studyLevels.get(normal(cell('studyLevel'))) : null;
    if (level === undefined) refuse('studyLevel', 'unknown_study_level');
    const language = cell('locale') ? languageValues.get(normal(cell('locale'))) : null;
    if (language === undefined) refuse('locale', 'unknown_language');

    let party = options.chosen ? byId.get(options.chosen) : undefined;
    if (cell('institution')) {
      party = partyOf.get(normal(cell('institution')));
      if (!party) refuse('institution', 'unknown_institution');
    } else if (!party) refuse('institution', 'required');
    if (party && options.home && party.id !== options.home) {
      throw new AppError(
        422,
        'foreign_institution',
        `Row ${line} names another institution (${cell('institution')}); an import holds the students of one institution only.`,
        {
          errors: [{ path: `file.row${line}`, code: 'foreign_institution', message: 'Another institution' }],
        },
      );
    }

    if (rowErrors.length > 0 || !party) errors.push(...rowErrors);
    else {
      const homeLocale: Locale = party.country === 'RU' ? 'ru' : party.country === 'CN' ? 'zh' : 'en';
      candidates.push({
        line,
        email,
        fullName,
        fullNameLatin: fullNameLatin || null,
        locale: language ?? homeLocale,
        studyLevel: level ?? null,
        institutionId: party.id,
      });
    }
  }
  return { candidates, errors };
}

/** The mapping the client sent, each column within the file. */
export function checkMapping(mapping: UserImportMapping, columns: number) {
  const outside = userImportFields.filter((field) => typeof mapping[field] === 'number' && mapping[field]! >= columns);
  if (outside.length > 0) {
    throw new AppError(422, 'mapping_invalid', 'A chosen column is not in the file.', {
      errors: outside.map((field) => ({ path: `mapping.${field}`, code: 'not_in_file', message: 'Not a column of the file' })),
    });
  }
}
