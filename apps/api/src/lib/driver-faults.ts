/**
 * The PostgreSQL driver (postgres.js 3.4) can fail outside any request when the server goes
 * away in the middle of a transaction: its own ROLLBACK is written to a socket already closed
 * (a TypeError thrown from a timer), and a transaction's close handler can reject after the
 * transaction settled. Both reach the process as uncaught errors, and the pool they leave can
 * stay unable to reconnect. They are faults of the connection, not of the program: the API
 * keeps serving and opens a fresh pool, instead of exiting while the database is away.
 */
const connectionErrorCodes = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

export function isDriverFault(reason: unknown): boolean {
  // The leftover close handler of a settled transaction rejects with nothing at all.
  if (reason === undefined) return true;
  if (!(reason instanceof Error)) return false;
  const code = (reason as { code?: unknown }).code;
  if (typeof code === 'string' && connectionErrorCodes.has(code)) return true;
  return /[\\/]node_modules[\\/]postgres[\\/]src[\\/]/.test(reason.stack ?? '');
}

/** Calls `reconnect` once for a burst of faults (every connection of the pool fails at once). */
export function onceAWhile(reconnect: () => void, quietMs = 2_000) {
  let last = 0;
  return () => {
    const now = Date.now();
    if (now - last < quietMs) return;
    last = now;
    reconnect();
  };
}
