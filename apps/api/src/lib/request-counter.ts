import type { DatabaseHandle } from '@exchange/db';
import type { Hit } from './rate-limiter.js';

type Entry = {
  /** The shared count the database returned at this instance's last flush of the key (every instance's flushed hits). */
  shared: number;
  /** Hits on their way to the database in the flush under way. */
  inFlight: number;
  /** Hits not yet sent. */
  pending: number;
  /** When the window ends, by this process's clock (from the database's remaining time once known). */
  endsAt: number;
};

type Log = { warn(details: object, message: string): void };

export type RequestCounterOptions = {
  database: DatabaseHandle;
  /** Requests allowed per key and window. */
  limit: number;
  windowSeconds: number;
  log: Log;
  /** Keys held in memory at most; a key beyond them is counted by the database directly. Default 50,000. */
  maxKeys?: number;
};

/** A key is flushed once this share of the limit is unflushed on one instance. */
export const flushShare = 1 / 20;

/**
 * Flushes many keys in one statement: adds each key's hits to its window, or starts a new
 * window, and returns each key's shared count and the milliseconds its window has left. Keys
 * are locked in one order (sorted), as `hitAll` does, so two instances never deadlock.
 */
const flushStatement = `
  insert into rate_limit_counters as c (key, hits, window_ends_at)
  select t.key, t.hits, now() + make_interval(secs => $3::int)
    from unnest($1::text[], $2::int[]) as t(key, hits)
   order by t.key
  on conflict (key) do update set
    hits = case when c.window_ends_at <= now() then excluded.hits else c.hits + excluded.hits end,
    window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at else c.window_ends_at end
  returning c.key, c.hits, ceil(extract(epoch from c.window_ends_at - now()) * 1000)::int as "remainingMs"`;

const flushBatch = 1000;

/**
 * The per-request limit (RATE_LIMIT_MAX per window, per user or client), counted in this
 * instance's memory: the request itself sends no statement. Counts reach the database in
 * batches, one statement per flush, so every instance learns the shared count.
 *
 * An instance decides on the shared count its last flush of the key returned plus its own hits
 * not in it (in flight or unflushed). It flushes a key once its unflushed hits reach
 * T = ceil(limit / 20) (a flush already under way first finishes), and every key on close.
 *
 * Tolerance. In one instance the count is exact. With N instances no request is refused before
 * the shared count passes the limit (no instance's count exceeds the true one), and at any
 * moment the requests admitted in the window number at most limit + (N − 1) × T + R, where R
 * is the hits the instances take on the key while their own flushes of it are on the way to the
 * database (at most two round trips each, a few milliseconds). Proof sketch: let L be the
 * instance whose flush of the key committed last, returning the shared count S; L admits at
 * most limit − S after that flush returns, every other instance holds at most T hits not yet
 * committed besides those taken during its flushes' round trips, and every other hit is in S.
 * With the default limit of 1,000 (T = 50) and two instances: at most 1,050 + R.
 *
 * Memory is bounded: a key is dropped when its window ends (swept every 10 s), and at most
 * `maxKeys` keys are held; a new key beyond them is counted exactly by one database statement.
 * A failed flush is logged as a warning; its hits stay counted here and go with the next flush,
 * tried a second later (while the database refuses them the tolerance grows by what is held).
 */
export function createRequestCounter(options: RequestCounterOptions) {
  const { database, limit, windowSeconds, log } = options;
  const windowMs = windowSeconds * 1000;
  const maxKeys = options.maxKeys ?? 50_000;
  const threshold = Math.max(1, Math.ceil(limit * flushShare));
  const entries = new Map<string, Entry>();
  /** Keys whose unflushed hits reached the threshold. */
  const due = new Set<string>();
  let flushing: Promise<void> | null = null;
  let closed = false;
  /** After a failed flush, the next waits this long (a hit brings it on). */
  let retryAt = 0;
  let sweptAt = 0;

  /** Drops the keys whose window ended: their hits count no more. */
  function dropEnded(now: number) {
    sweptAt = now;
    for (const [key, entry] of entries) if (entry.endsAt <= now) entries.delete(key);
  }
  const sweep = setInterval(() => dropEnded(Date.now()), 10_000);
  sweep.unref();

  async function send(keys: string[]) {
    const batch = keys.flatMap((key) => {
      const entry = entries.get(key);
      if (!entry || entry.pending === 0) return [];
      const hits = entry.pending;
      entry.pending = 0;
      entry.inFlight += hits;
      return [{ key, entry, hits }];
    });
    if (batch.length === 0) return;
    try {
      const rows = await database.rows<{ key: string; hits: number; remainingMs: number }>(
        flushStatement,
        [batch.map((item) => item.key), batch.map((item) => item.hits), windowSeconds],
        { prepare: true },
      );
      const now = Date.now();
      const byKey = new Map(rows.map((row) => [row.key, row]));
      for (const { key, entry, hits } of batch) {
        entry.inFlight -= hits;
        const row = byKey.get(key);
        // A key swept or restarted meanwhile keeps its own count.
        if (!row || entries.get(key) !== entry) continue;
        entry.shared = Number(row.hits);
        entry.endsAt = now + Number(row.remainingMs);
      }
    } catch (error) {
      log.warn({ err: error, keys: batch.length }, 'request counts were not flushed; they stay counted in this instance');
      retryAt = Date.now() + 1000;
      for (const { key, entry, hits } of batch) {
        entry.inFlight -= hits;
        entry.pending += hits;
        if (entries.get(key) === entry && entry.pending >= threshold) due.add(key);
      }
    }
  }

  /** Flushes the due keys, one statement per batch, one flush at a time; again while keys fall due. */
  function flushDue() {
    if (flushing || due.size === 0 || Date.now() < retryAt) return flushing;
    flushing = (async () => {
      while (due.size > 0 && !closed && Date.now() >= retryAt) {
        const keys = [...due].slice(0, flushBatch);
        for (const key of keys) due.delete(key);
        await send(keys);
      }
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    threshold,

    /**
     * Counts one request on `key` and returns the count this instance knows for the window,
     * this request included. `null` means memory is full: the caller counts it in the database.
     */
    hit(key: string): Hit | null {
      const now = Date.now();
      let entry = entries.get(key);
      if (entry && entry.endsAt <= now) {
        entries.delete(key);
        entry = undefined;
      }
      if (!entry) {
        // Full: drop the ended windows first (at most once a second).
        if (entries.size >= maxKeys && now - sweptAt >= 1000) dropEnded(now);
        if (entries.size >= maxKeys) return null;
        entry = { shared: 0, inFlight: 0, pending: 0, endsAt: now + windowMs };
        entries.set(key, entry);
      }
      entry.pending += 1;
      if (entry.pending >= threshold) due.add(key);
      if (due.size > 0 && !closed) void flushDue();
      return {
        hits: entry.shared + entry.inFlight + entry.pending,
        retryAfterSeconds: Math.max(1, Math.ceil((entry.endsAt - now) / 1000)),
      };
    },

    /** Keys held in memory (for tests and metrics). */
    get size() {
      return entries.size;
    },

    /** Sends every unflushed hit (on close, so a restarted instance's hits still count). */
    async close() {
      clearInterval(sweep);
      await flushing;
      closed = true;
      const keys = [...entries].filter(([, entry]) => entry.pending > 0).map(([key]) => key);
      for (let start = 0; start < keys.length; start += flushBatch) await send(keys.slice(start, start + flushBatch));
    },
  };
}
export type RequestCounter = ReturnType<typeof createRequestCounter>;
