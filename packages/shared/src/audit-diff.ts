/**
 * An audit entry's change as people read it: the fields that differ between the state before
 * and after, each old → new. The log page and its export show the same lines.
 */
export type AuditChange = { field: string; before: string; after: string };

/** A value in one line: text as it is, nothing as empty, anything else as compact JSON. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The changed fields, in the order they appear (before's first, then the new ones); an unchanged field is left out. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const [old, now] = [auditValue(before), auditValue(after)];
    return old === now ? [] : [{ field: '', before: old, after: now }];
  }
  const [old, now] = [isRecord(before) ? before : {}, isRecord(after) ? after : {}];
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return fields.map((field) => ({ field, before: auditValue(old[field]), after: auditValue(now[field]) })).filter((change) => change.before !== change.after);
}

/** `status: pending → active; fullName: — → Иван` — one line for a spreadsheet cell. */
export const auditChangeLine = (changes: AuditChange[]) =>
  changes.map((change) => `${change.field ? `${change.field}: ` : ''}${change.before || '—'} → ${change.after || '—'}`).join('; ');
