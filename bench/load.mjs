/**
 * How load is made: autocannon against the API with one person per connection, and the
 * captured SQL of a read straight through postgres.js at the same concurrency.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import postgres from 'postgres';

export function createLoad({ base, databaseUrl, tokens, jwtSecret, apiCpuMs, duration, connections, poolSize }) {
  /** Each connection is a person of its own, coming from an address of its own (as the web passes it on). */
  const counters = new Map();
  function perConnection(group) {
    return (request, context) => {
      if (context.n === undefined) {
        context.n = counters.get(group) ?? 0;
        counters.set(group, context.n + 1);
      }
      const address = `203.0.113.${context.n % 250}`;
      const headers = {
        ...request.headers,
        'x-exchange-client-ip': address,
        'x-exchange-client-sig': createHmac('sha256', jwtSecret).update(address).digest('hex'),
      };
      if (group !== 'anonymous') headers.authorization = `Bearer ${tokens[group][context.n % tokens[group].length]}`;
      return { ...request, headers };
    };
  }

  function summary(name, latencies, count, errors, seconds) {
    latencies.sort((a, b) => a - b);
    const at = (q) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1));
    return { scenario: name, requestsPerSecond: Math.round(count / seconds), p50Ms: at(0.5), p99Ms: at(0.99), errors, total: count };
  }

  /** The same statements, in the same order, straight through postgres.js: 50 workers, pool of 10. */
  async function direct(read) {
    const sql = postgres(databaseUrl, { max: poolSize, onnotice: () => {} });
    const run = async () => {
      for (const statement of read.statements) await sql.unsafe(statement.query, statement.params, { prepare: true });
    };
    for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: 10 }, run)); // warm-up
    const latencies = [];
    let errors = 0;
    const ends = performance.now() + duration * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < ends) {
          const t = performance.now();
          try {
            await run();
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await sql.end();
    return summary(`${read.name} — direct SQL`, latencies, latencies.length, errors, seconds);
  }

  async function cannon(name, requests) {
    const options = { url: base, requests };
    await autocannon({ ...options, connections: 10, duration: 2 }); // warm-up: JIT, pool, caches
    const cpuBefore = apiCpuMs();
    const result = await autocannon({ ...options, connections, duration });
    const apiCpuMsPerRequest = Number(((apiCpuMs() - cpuBefore) / result.requests.total).toFixed(2));
    return {
      scenario: name,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      total: result.requests.total,
      apiCpuMsPerRequest,
    };
  }

  return { perConnection, direct, cannon };
}
