import { sql } from 'drizzle-orm';
import { rateLimitCounters, type Executor } from '@exchange/db';

export type Hit = { hits: number; retryAfterSeconds: number };

/**
 * Fixed-window counters kept in the database, so every API instance behind a load balancer
 * counts against the same limit.
 */
export function createRateLimiter(db: Executor) {
  // Prepared once: it runs on every request.
  const window = sql`now() + make_interval(secs => ${sql.placeholder('windowSeconds')}::int)`;
  const hitStatement = db
    .insert(rateLimitCounters)
    .values({ key: sql.placeholder('key'), hits: 1, windowEndsAt: window })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        hits: sql`case when ${rateLimitCounters.windowEndsAt} <= now() then 1 else ${rateLimitCounters.hits} + 1 end`,
        windowEndsAt: sql`case when ${rateLimitCounters.windowEndsAt} <= now() then ${window} else ${rateLimitCounters.windowEndsAt} end`,
      },
    })
    .returning({
      hits: rateLimitCounters.hits,
      retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${rateLimitCounters.windowEndsAt} - now())))::int`,
    })
    .prepare('rate_limit_hit');

  return {
    /** Counts one hit on `key` and returns the hits in the current window. */
    async hit(key: string, windowSeconds: number): Promise<Hit> {
      const [row] = await hitStatement.execute({ key, windowSeconds });
      return row!;
    },

    /**
     * Counts one hit on each key in a single statement and returns each key's hits (by the
     * caller's names), this one included. Every caller sees its own count, so a limit checked
     * on it holds exactly under parallel requests. Keys are locked in one order (sorted), so two
     * callers never deadlock.
     */
    async hitAll<N extends string>(keys: Record<N, string>, windowSeconds: number): Promise<Record<N, Hit>> {
      const sorted = [...new Set(Object.values<string>(keys))].sort();
      const ends = sql`now() + make_interval(secs => ${windowSeconds}::int)`;
      const rows = await db
        .insert(rateLimitCounters)
        .values(sorted.map((key) => ({ key, hits: 1, windowEndsAt: ends })))
        .onConflictDoUpdate({
          target: rateLimitCounters.key,
          set: {
            hits: sql`case when ${rateLimitCounters.windowEndsAt} <= now() then 1 else ${rateLimitCounters.hits} + 1 end`,
            windowEndsAt: sql`case when ${rateLimitCounters.windowEndsAt} <= now() then excluded.window_ends_at else ${rateLimitCounters.windowEndsAt} end`,
          },
        })
        .returning({
          key: rateLimitCounters.key,
          hits: rateLimitCounters.hits,
          retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${rateLimitCounters.windowEndsAt} - now())))::int`,
        });
      const byKey = new Map(rows.map(({ key, ...hit }) => [key, hit]));
      return Object.fromEntries(Object.entries<string>(keys).map(([name, key]) => [name, byKey.get(key)!])) as Record<N, Hit>;
    },

    /**
     * Takes back one hit on each key (an attempt that turned out not to count). One statement
     * per key: a statement that waited for one row while holding another could deadlock with
     * `hitAll`.
     */
    async refund(keys: readonly string[]): Promise<void> {
      await Promise.all(
        [...new Set(keys)].map((key) =>
          db
            .update(rateLimitCounters)
            .set({ hits: sql`greatest(${rateLimitCounters.hits} - 1, 0)` })
            .where(sql`${rateLimitCounters.key} = ${key} and ${rateLimitCounters.windowEndsAt} > now()`),
        ),
      );
    },

    async reset(key: string): Promise<void> {
      await db.delete(rateLimitCounters).where(sql`${rateLimitCounters.key} = ${key}`);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
