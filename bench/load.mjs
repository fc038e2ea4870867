/**
 * How load is made: autocannon against the API with one person per connection, and the
 * captured SQL of a read straight through postgres.js at the same concurrency. Every scenario
 * also reports the CPU the API and PostgreSQL spent on it per request, and the machine's idle share.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { meter } from './machine.mjs';

/** The headers of person `n` of `group`: an address of its own (signed, as the web passes it on) and, signed in, its token. */
export function personHeaders({ tokens, jwtSecret }, group, n) {
  const address = `203.0.113.${n % 250}`;
  const headers = { 'x-exchange-client-ip': address, 'x-exchange-client-sig': createHmac('sha256', jwtSecret).update(address).digest('hex') };
  if (group !== 'anonymous') headers.authorization = `Bearer ${tokens[group][n % tokens[group].length]}`;
  return headers;
}

export function summary(name, latencies, count, errors, seconds) {
  latencies.sort((a, b) => a - b);
  const at = (q) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1));
  return { scenario: name, requestsPerSecond: Math.round(count / seconds), p50Ms: at(0.5), p99Ms: at(0.99), errors, total: count };
}

export function createLoad({ base, databaseUrl, tokens, jwtSecret, apiCpuMs, postgresCpuMs, duration, connections, poolSize }) {
  /** Each connection is a person of its own, coming from an address of its own. */
  const counters = new Map();
  function perConnection(group) {
    return (request, context) => {
      if (context.n === undefined) {
        context.n = counters.get(group) ?? 0;
        counters.set(group, context.n + 1);
      }
      return { ...request, headers: { ...request.headers, ...personHeaders({ tokens, jwtSecret }, group, context.n) } };
    };
  }

  /**
   * The statements a request sends, in the same order, straight through postgres.js: 50
   * workers, pool of 10. Worker i replays what person i's request sent (the session statement
   * and any write with that person's parameters), so no two workers contend for one row the
   * API's requests would not.
   */
  async function direct(read) {
    const sql = postgres(databaseUrl, { max: poolSize, onnotice: () => {} });
    const run = async (worker) => {
      for (const statement of read.captures[worker % read.captures.length]) await sql.unsafe(statement.query, statement.params, { prepare: true });
    };
    for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: 10 }, (_, worker) => run(worker))); // warm-up
    const latencies = [];
    let errors = 0;
    const done = meter({ postgresCpuMs });
    const ends = performance.now() + duration * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        while (performance.now() < ends) {
          const t = performance.now();
          try {
            await run(worker);
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // No API here (the client is the load generator): the machine time is PostgreSQL's.
    const { postgresCpuMsPerRequest, machineMsPerRequest, idleShare } = done(latencies.length);
    await sql.end();
    return { ...summary(`${read.name} — direct SQL`, latencies, latencies.length, errors, seconds), postgresCpuMsPerRequest, machineMsPerRequest, idleShare };
  }

  async function cannon(name, requests) {
    const options = { url: base, requests };
    await autocannon({ ...options, connections: 10, duration: 2 }); // warm-up: JIT, pool, caches
    const done = meter({ apiCpuMs, postgresCpuMs });
    const result = await autocannon({ ...options, connections, duration });
    return {
      scenario: name,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      total: result.requests.total,
      ...done(result.requests.total),
    };
  }

  return { perConnection, direct, cannon, meter: () => meter({ apiCpuMs, postgresCpuMs }) };
}
