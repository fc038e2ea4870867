import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/**
 * Fixed-window request counters shared by every API instance, so a limit holds behind a load
 * balancer exactly as on one machine.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text().primaryKey(),
  windowEndsAt: instant().notNull(),
  hits: integer().notNull(),
});
