/**
 * The learning agreement's draft as a form that works without JavaScript: rows of components
 * named `studied.<row>.<field>`, the typed values read back, the PUT body built and checked by
 * the contract's own schema (`learningAgreementDraftUpdate`), and every problem (the schema's,
 * the API's `body.studied.1.reason`) turned into the code of the row and field it concerns.
 *
 * When a version is in force the draft is a change proposal: its components stay as rows that
 * cannot be edited (`fixed`), each with a "remove" choice and a reason; new rows are added.
 */
import {
  inForce,
  languageLevels,
  languages,
  learningAgreementDraftUpdate,
  type LanguageRequirement,
  type LearningAgreement,
  type LearningAgreementDraftUpdate,
} from '@exchange/shared';

export const componentLists = ['studied', 'recognised'] as const;
export type ComponentList = (typeof componentLists)[number];

export type RowValues = {
  /** Names the row's errors: `studied-0` for the first row the server knows of. */
  key: string;
  /** A component of the version in force: kept as it is unless marked removed. */
  fixed: boolean;
  code: string;
  title: string;
  credits: string;
  term: string;
  remove: boolean;
  reason: string;
};

export type DraftValues = Record<ComponentList, RowValues[]> & {
  language: string;
  /** `SCALE:level`, as the level select sends it. */
  level: string;
  hostCatalogueUrl: string;
  homeCatalogueUrl: string;
};

/** Error codes by `<row key>.<field>`, by a list's name, or by `language`, `level`, `hostCatalogueUrl`, `homeCatalogueUrl`. */
export type DraftErrors = Record<string, string>;

/** At most as many rows as the contract takes, and a few blank ones. */
const maxRows = 50;
const rowKey = (list: ComponentList, index: number) => `${list}-${index}`;

export const blankRow = (key: string): RowValues => ({ key, fixed: false, code: '', title: '', credits: '', term: '', remove: false, reason: '' });
const isBlank = (row: RowValues) => !row.fixed && !row.code && !row.title && !row.credits && !row.term && !row.reason;

/** The rows as shown: the list, then one blank row to fill in (unless the last is blank already). */
export function withBlankRow(rows: readonly RowValues[], list: ComponentList): RowValues[] {
  const last = rows.at(-1);
  return last && isBlank(last) ? [...rows] : [...rows, blankRow(`${list}-new-${rows.length}`)];
}

/** What the form shows before anything is typed: the draft, else the version in force to change, else nothing. */
export function draftValues(agreement: LearningAgreement): DraftValues {
  const source = agreement.draft ?? agreement.inForce;
  const changing = agreement.inForce !== null;
  const rowsOf = (list: ComponentList): RowValues[] => {
    const components = agreement.draft
      ? agreement.draft[list]
      : inForce(agreement.inForce?.[list] ?? []).map((component) => ({ ...component, change: null, reason: null }));
    return components.map((component, index) => ({
      key: rowKey(list, index),
      fixed: changing && component.change !== 'added',
      code: component.code,
      title: component.title,
      credits: String(component.credits),
      term: 'term' in component ? String(component.term) : '',
      remove: component.change === 'removed',
      reason: component.change ? (component.reason ?? '') : '',
    }));
  };
  const language = source?.languageOfInstruction ?? null;
  return {
    studied: rowsOf('studied'),
    recognised: rowsOf('recognised'),
    language: language?.language ?? '',
    level: language ? `${language.scale}:${language.level}` : '',
    hostCatalogueUrl: source?.hostCatalogueUrl ?? '',
    homeCatalogueUrl: source?.homeCatalogueUrl ?? '',
  };
}

/** The typed values of a posted draft form. */
export function readDraftForm(form: FormData): DraftValues {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const rowsOf = (list: ComponentList) => {
    const rows: RowValues[] = [];
    for (let index = 0; index < maxRows && form.has(`${list}.${index}.code`); index++) {
      const field = (name: string) => text(`${list}.${index}.${name}`);
      rows.push({
        key: rowKey(list, index),
        fixed: field('fixed') === '1',
        code: field('code'),
        title: field('title'),
        credits: field('credits'),
        term: field('term'),
        remove: field('remove') === 'yes',
        reason: field('reason'),
      });
    }
    return rows;
  };
  return {
    studied: rowsOf('studied'),
    recognised: rowsOf('recognised'),
    language: text('language'),
    level: text('level'),
    hostCatalogueUrl: text('hostCatalogueUrl'),
    homeCatalogueUrl: text('homeCatalogueUrl'),
  };
}

/** A row button without JavaScript: `add:studied` adds a blank row, `drop:recognised:2` takes a new row away. */
export function editRows(values: DraftValues, edit: string | null): DraftValues | null {
  const [op, list, at] = (edit ?? '').split(':');
  if (list !== 'studied' && list !== 'recognised') return null;
  const rows = [...values[list]];
  if (op === 'add') rows.push(blankRow(`${list}-new-${rows.length}`));
  else if (op === 'drop' && rows[Number(at)] && !rows[Number(at)]!.fixed) rows.splice(Number(at), 1);
  else return null;
  return { ...values, [list]: rows.map((row, index) => ({ ...row, key: rowKey(list, index) })) };
}

/** Which row each component of the body came from: blank rows are left out. */
export const bodyRows = (values: DraftValues): Record<ComponentList, string[]> => ({
  studied: values.studied.filter((row) => !isBlank(row)).map((row) => row.key),
  recognised: values.recognised.filter((row) => !isBlank(row)).map((row) => row.key),
});

const numberOf = (raw: string) => (raw === '' ? Number.NaN : Number(raw.replace(',', '.')));

function languageOf(values: DraftValues, errors: DraftErrors): LanguageRequirement | null {
  if (values.language === '' && values.level === '') return null;
  const [scale = '', level = ''] = values.level.split(':');
  if (!(languages as readonly string[]).includes(values.language)) errors.language = 'language_required';
  else if (!(scale in languageLevels) || !(languageLevels[scale as keyof typeof languageLevels] as readonly string[]).includes(level)) {
    errors.level = values.level ? 'level_invalid' : 'language_required';
  } else return { language: values.language as LanguageRequirement['language'], scale: scale as LanguageRequirement['scale'], level };
  return null;
}

/**
 * The PUT body for the typed values, or the errors the form shows. `changing`: a version is in
 * force, so fixed rows are kept or removed and new rows are added, each change with a reason.
 */
export function draftBody(values: DraftValues, changing: boolean): { body?: LearningAgreementDraftUpdate; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const components = (list: ComponentList) =>
    values[list]
      .filter((row) => !isBlank(row))
      .map((row) => {
        const change = changing ? (row.fixed ? (row.remove ? 'removed' : null) : 'added') : null;
        if (change && !row.reason) errors[`${row.key}.reason`] = 'reason_required';
        return {
          code: row.code,
          title: row.title,
          credits: numberOf(row.credits),
          ...(list === 'studied' && { term: row.term }),
          change,
          reason: change ? row.reason || null : null,
        };
      });
  const candidate = {
    studied: components('studied'),
    recognised: components('recognised'),
    languageOfInstruction: languageOf(values, errors),
    hostCatalogueUrl: values.hostCatalogueUrl || null,
    homeCatalogueUrl: values.homeCatalogueUrl || null,
  };
  const parsed = learningAgreementDraftUpdate.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code }));
    for (const [name, code] of Object.entries(draftErrors(problems, bodyRows(values)))) errors[name] ??= code;
  }
  if (parsed.success && Object.keys(errors).length === 0) return { body: parsed.data, errors };
  return { errors };
}

/** What a proposal needs beyond a valid draft, checked before the student is asked to sign. */
export function proposalErrors(values: DraftValues, changing: boolean): DraftErrors {
  const rows = bodyRows(values);
  const errors: DraftErrors = {};
  for (const list of componentLists) if (rows[list].length === 0) errors[list] = 'list_required';
  if (values.language === '') errors.language = 'language_required';
  if (changing && ![...values.studied, ...values.recognised].some((row) => (row.fixed ? row.remove : !isBlank(row)))) errors.studied ??= 'no_change';
  return errors;
}

/** Codes the API gives a component for what it is, kept as they are. */
const domainCodes = new Set([
  'reason_required',
  'already_in_force',
  'not_in_force',
  'unmarked_addition',
  'changed_in_place',
  'silently_dropped',
  'no_signed_version',
]);

function componentCode(field: string, code: string): string {
  if (domainCodes.has(code)) return code;
  // The one rule the schema checks on a component's code beyond its presence: listed once.
  if (field === 'code' && code === 'custom') return 'duplicate';
  if (field === 'credits') return 'credits_invalid';
  if (code === 'too_big') return 'too_long_text';
  if (field === 'reason') return 'reason_required';
  return code === 'custom' ? 'invalid' : 'required';
}

const listCodes: Record<string, string> = { required: 'list_required', custom: 'duplicate', too_big: 'too_many', no_change: 'no_change' };

/**
 * Problems with paths (the API's `body.studied.1.reason`, the schema's `['studied', 1, 'reason']`)
 * as the form's error codes; `rows` says which row each component of the body came from.
 */
export function draftErrors(problems: readonly { path: string | readonly string[]; code: string }[], rows: Record<ComponentList, string[]>): DraftErrors {
  const errors: DraftErrors = {};
  const set = (name: string, code: string) => (errors[name] ??= code);
  for (const problem of problems) {
    const path = typeof problem.path === 'string' ? problem.path.replace(/^\//, '').split(/[./]/) : [...problem.path];
    if (path[0] === 'body') path.shift();
    const [name = '', index, field = ''] = path;
    if (name === 'studied' || name === 'recognised') {
      const key = index === undefined ? undefined : rows[name][Number(index)];
      if (index === undefined || key === undefined) set(name, listCodes[problem.code] ?? problem.code);
      else set(`${key}.${field === 'change' ? 'row' : field}`, componentCode(field, problem.code));
    } else if (name === 'languageOfInstruction') {
      if (problem.code === 'required') set('language', 'language_required');
      else set('level', 'level_invalid');
    } else if (name === 'hostCatalogueUrl' || name === 'homeCatalogueUrl') {
      set(name, problem.code === 'too_big' ? 'too_long_text' : 'url_invalid');
    }
  }
  return errors;
}
