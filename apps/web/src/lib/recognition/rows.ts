/**
 * Rows of the transcript and grading forms, which work without JavaScript: each row's fields are
 * named `<list>.<index>.<field>`, a button posts `add` or `drop:<index>` to the page's `rows`
 * action, which answers with the typed values and the row added or taken away. A row's key names
 * its errors; blank rows are left out of what is saved.
 */

/** At most as many rows as the contract takes. */
export const maxRows = 60;

export type Row = { key: string };

/** Problems with paths: the API's `body.components.1.grade`, or a schema's `['components', 1, 'grade']`. */
export type PathProblem = { path: string | readonly (string | number)[]; code: string };

/** A problem's path as segments, without the leading `body`. */
export function segmentsOf(path: PathProblem['path']): string[] {
  const segments = typeof path === 'string' ? path.replace(/^\//, '').split(/[./]/) : path.map(String);
  return segments[0] === 'body' ? segments.slice(1) : segments;
}

/** The rows of a posted list, read until the first index the form does not have. */
export function readRows<T extends Row>(form: FormData, list: string, probe: string, read: (field: (name: string) => string, key: string) => T): T[] {
  const rows: T[] = [];
  for (let index = 0; index < maxRows && form.has(`${list}.${index}.${probe}`); index++) {
    rows.push(read((name) => String(form.get(`${list}.${index}.${name}`) ?? '').trim(), `${list}-${index}`));
  }
  return rows;
}

/** `add` appends a blank row, `drop:<index>` takes one away; the rows are keyed by their place again. Null for anything else. */
export function editRows<T extends Row>(rows: readonly T[], edit: string, list: string, blank: (key: string) => T): T[] | null {
  const [op, at] = edit.split(':');
  const next = [...rows];
  if (op === 'add' && next.length < maxRows) next.push(blank(''));
  else if (op === 'drop' && next[Number(at)] !== undefined) next.splice(Number(at), 1);
  else return null;
  return next.map((row, index) => ({ ...row, key: `${list}-${index}` }));
}

/** The rows as shown: at least one, blank, to fill in. */
export const atLeastOne = <T extends Row>(rows: readonly T[], list: string, blank: (key: string) => T): T[] =>
  rows.length > 0 ? [...rows] : [blank(`${list}-0`)];

/** A typed number: a comma as the decimal mark too; NaN when empty or not a number. */
export const numberOf = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw.trim().replace(',', '.')));

/** A number as a form shows it. */
export const shown = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
