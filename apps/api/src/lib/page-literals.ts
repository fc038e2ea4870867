import { sql } from 'drizzle-orm';

/**
 * The page sizes clients ask for (the web's lists and dashboards, the contract's default 20,
 * the benchmark's 50): each gets statements of its own.
 */
const literalLimits = new Set([1, 5, 10, 20, 25, 50, 100]);
/** Pages, from the first, whose offset is written into their statement. */
const literalPages = 10;

/**
 * How a list page's limit and offset go into its statement. For the usual page sizes and the
 * first pages they are written into the text, so each statement keeps one stable generic plan:
 * an offset left as a parameter makes PostgreSQL plan the statement again on every run (the
 * generic plan must guess how many rows are skipped). Any other size, or a deeper page, takes
 * them as parameters (`null` here), so the statements a connection prepares stay bounded
 * whatever a caller sends: at most 7 sizes × 10 pages, plus one, per query shape.
 */
export function pageLiterals(limit: number, offset: number): { limit: number | null; offset: number | null } {
  if (!literalLimits.has(limit)) return { limit: null, offset: null };
  const firstPages = offset % limit === 0 && offset / limit < literalPages;
  return { limit, offset: firstPages ? offset : null };
}

/** A page's `limit` and `offset` values as SQL, following `pageLiterals`. */
export function pageClauses(limit: number, offset: number) {
  const literal = pageLiterals(limit, offset);
  return {
    take: literal.limit === null ? sql`${limit}::int` : sql.raw(String(literal.limit)),
    skip: literal.offset === null ? sql`${offset}::int` : sql.raw(String(literal.offset)),
  };
}
