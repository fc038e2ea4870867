import type { Executor } from '@exchange/db';

const built = new WeakMap<Executor, Map<string, unknown>>();

/**
 * A list query is assembled from the filters present, and assembling it with drizzle costs the
 * API more CPU than PostgreSQL spends running it. Each shape of query (which filters, which
 * order) is built once per database handle, with placeholders for the values, and reused: the
 * shapes the web uses are few, and the cache is capped. `shape` must name everything that changes the SQL.
 */
export function buildOnce<T>(db: Executor, shape: string, build: () => T): T {
  let byShape = built.get(db);
  if (!byShape) built.set(db, (byShape = new Map()));
  let query = byShape.get(shape) as T | undefined;
  if (query === undefined) {
    query = build();
    // Callers choose which filters they send: past this many shapes (far beyond what the web
    // asks for) a rare one is built each time instead of kept, so memory stays bounded.
    if (byShape.size < maxShapes) byShape.set(shape, query);
  }
  return query;
}

const maxShapes = 2_000;

/** The names of the filters that are set: part of a query's shape. */
export const presentKeys = (filter: Record<string, unknown>) =>
  Object.keys(filter)
    .filter((key) => filter[key] !== undefined && filter[key] !== null && filter[key] !== '')
    .sort()
    .join(',');
