/**
 * The PostgreSQL driver (postgres.js 3.4) can fail outside any request when the server goes
 * away in the middle of a transaction: its own ROLLBACK is written to a socket already closed
 * (a TypeError thrown from its `nextWrite`, porsager/postgres#1208), and a transaction's close
 * handler can reject after the transaction settled. Both reach the process as uncaught errors,
 * and the pool they leave can stay unable to reconnect. They are faults of the connection, not
 * of the program: the API keeps serving and opens a fresh pool, instead of exiting while the
 * database is away. Anything else — an SQL error, a misuse of the driver, a network error of
 * another client — is a bug and still ends the process.
 */
const connectionLossCodes = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
const driverFrame = /[\\/]node_modules[\\/]postgres[\\/]src[\\/]/;
/** A rejection without a reason is taken for the driver's only this long after a connection fault. */
const afterFaultMs = 30_000;

export function createDriverFaultFilter(now: () => number = Date.now) {
  let lastFault = Number.NEGATIVE_INFINITY;
  return function isDriverFault(reason: unknown): boolean {
    if (reason === undefined) return now() - lastFault < afterFaultMs;
    if (!(reason instanceof Error)) return false;
    // An error PostgreSQL answered (it has a severity) is the program's, whatever its stack.
    if ('severity' in reason) return false;
    const code = (reason as { code?: unknown }).code;
    const firstFrame = (reason.stack ?? '').split('\n').find((line) => line.trimStart().startsWith('at ')) ?? '';
    const fault =
      (typeof code === 'string' && connectionLossCodes.has(code)) ||
      // The write to a closed socket: a TypeError raised in the driver's own code.
      (reason instanceof TypeError && driverFrame.test(firstFrame));
    if (fault) lastFault = now();
    return fault;
  };
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
