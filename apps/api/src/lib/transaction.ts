import { sqlState, type Database, type Transaction } from '@exchange/db';

const retryable = new Set(['40001', '40P01']);

/**
 * Runs `work` in a transaction, again (up to `attempts` times) when PostgreSQL aborts it for a
 * serialization failure or a deadlock: the work is rolled back whole, so retrying is safe.
 */
export async function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !retryable.has(sqlState(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
