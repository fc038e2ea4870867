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

    /** The hits in the current window, without counting one. */
    async peek(key: string): Promise<Hit> {
      const [row] = await db
        .select({
          hits: rateLimitCounters.hits,
          retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${rateLimitCounters.windowEndsAt} - now())))::int`,
        })
        .from(rateLimitCounters)
        .where(sql`${rateLimitCounters.key} = ${key} and ${rateLimitCounters.windowEndsAt} > now()`);
      return row ?? { hits: 0, retryAfterSeconds: 0 };
    },

    async reset(key: string): Promise<void> {
      await db.delete(rateLimitCounters).where(sql`${rateLimitCounters.key} = ${key}`);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
