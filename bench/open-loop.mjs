/**
 * Open loop: requests arrive at a constant rate, a deadline-day mix of reads, whether or not
 * the earlier ones have been answered (each on a connection of its own when all are busy), and
 * latency is measured from the time a request was due, so a slow answer delays nothing and
 * hides nothing. Reports p50/p99 per read, the CPU per request and the machine's idle share.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { personHeaders } from './load.mjs';

/** Of every 20 requests: students reading their applications, coordinators' review pages, partners' nominees, flows, public events. */
export const deadlineDayMix = { own: 8, reviewCall: 3, reviewAll: 2, nominees: 2, flows: 1, events: 4 };

/** The mix as a repeating sequence of reads, each read's turns spread evenly over it. */
function sequenceOf(reads, mix) {
  const slots = [];
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  for (const [key, weight] of Object.entries(mix)) {
    const read = reads.find((candidate) => candidate.key === key && !candidate.skipped);
    if (!read) continue;
    for (let i = 0; i < weight; i++) slots.push({ read, at: (i + 0.5) / weight });
  }
  slots.sort((a, b) => a.at - b.at);
  return { sequence: slots.map((slot) => slot.read), total };
}

const quantile = (sorted, q) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));

export async function openLoop(reads, { base, tokens, jwtSecret, meter, people, rate = 200, seconds = 30, mix = deadlineDayMix }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const { sequence } = sequenceOf(reads, mix);
  const person = new Map();
  const byRead = new Map(sequence.map((read) => [read, { latencies: [], errors: 0 }]));
  const lags = [];

  function send(read, due, record) {
    const n = person.get(read) ?? 0;
    person.set(read, n + 1);
    return new Promise((resolve) => {
      const request = http.get(`${base}${read.path}`, { agent, headers: personHeaders({ tokens, jwtSecret }, read.as, n % people) }, (response) => {
        response.resume();
        response.on('end', () => {
          if (record) {
            const stats = byRead.get(read);
            stats.latencies.push(performance.now() - due);
            if (response.statusCode !== 200) stats.errors++;
          }
          resolve();
        });
      });
      request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        if (record) byRead.get(read).errors++;
        resolve();
      });
    });
  }

  /** Sends `count` requests on schedule, one every 1/rate s, and waits for every answer. */
  async function schedule(count, record) {
    const pending = [];
    const start = performance.now() + 20;
    let i = 0;
    await new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        for (let due = start + (i * 1000) / rate; i < count && due <= now; due = start + (i * 1000) / rate) {
          if (record) lags.push(now - due);
          pending.push(send(sequence[i % sequence.length], due, record));
          i++;
        }
        if (i >= count) resolve();
        else setTimeout(tick, Math.max(0, start + (i * 1000) / rate - performance.now()));
      };
      tick();
    });
    await Promise.all(pending);
  }

  process.stdout.write(`open loop, ${rate} req/s for ${seconds} s… `);
  await schedule(Math.round(rate * 2), false); // warm-up, 2 s
  const done = meter();
  const started = performance.now();
  const count = Math.round(rate * seconds);
  await schedule(count, true);
  const elapsed = (performance.now() - started) / 1000;
  const cost = done(count);
  agent.destroy();
  lags.sort((a, b) => a - b);
  const perRead = [...byRead].map(([read, stats]) => {
    const sorted = stats.latencies.sort((a, b) => a - b);
    return {
      scenario: read.name,
      requests: sorted.length,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      maxMs: quantile(sorted, 1),
      errors: stats.errors,
    };
  });
  const worst = Math.max(...perRead.map((row) => row.p99Ms));
  console.log(`worst p99 ${worst} ms, API ${cost.apiCpuMsPerRequest} + PostgreSQL ${cost.postgresCpuMsPerRequest} ms CPU/request, idle ${cost.idleShare}`);
  return {
    rate,
    seconds,
    mix,
    requests: count,
    achievedRate: Math.round(count / elapsed),
    // How late the generator itself sent requests (counted in the latencies): should stay near 0.
    sendLagP99Ms: quantile(lags, 0.99),
    ...cost,
    reads: perRead,
  };
}
