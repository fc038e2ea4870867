/** An item's history, read from its audit entries: who changed what, when. */
import { toIso } from '../../lib/route.js';

type Entry = {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

/** Fields of the entries that are bookkeeping, not the item's content. */
const skipped = new Set(['agreementId', 'evidenceId', 'contentType', 'size', 'sha256', 'evidence']);

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function changesOf(entry: Entry) {
  const before = record(entry.before);
  const after = record(entry.after);
  if (entry.action === 'plan_item.evidence_add') return [{ field: 'evidence', from: null, to: after.fileName ?? null }];
  if (entry.action === 'plan_item.evidence_remove') return [{ field: 'evidence', from: before.fileName ?? null, to: null }];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !skipped.has(field));
  return fields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

export function historyOf(entries: Entry[]) {
  return entries.map((entry) => ({
    at: toIso(entry.at),
    by: entry.actorId || entry.actorEmail ? { id: entry.actorId, name: entry.actorName ?? entry.actorEmail ?? '' } : null,
    action: entry.action,
    changes: changesOf(entry),
  }));
}
