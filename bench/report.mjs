#!/usr/bin/env node
/**
 * Prints the results of `npm run bench` (bench/results.json, or BENCH_SCALE's / BENCH_RESULTS's
 * file, see bench/root.mjs) with the targets of issue 17, and the CPU per request at 3× the
 * large set against 1× when both results files exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resultsFile, resultsFileOf } from './root.mjs';

const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
const { machine, settings, data } = results;

console.log(`\n=== Benchmark ${results.measuredAt}${settings.commit ? ` (build of ${settings.commit})` : ''} ===`);
console.log(
  `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average at the end ${machine.loadAverage?.join(' ')}; API, PostgreSQL 15 and the load generator on the same machine.`,
);
console.log(
  `Data: ${Object.entries(data ?? {})
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')} (scale ${settings.scale}). ${settings.connections} connections, ${settings.durationSeconds} s per scenario, API pool ${settings.apiPool}.\n`,
);

const lists = new Set(['reviewCall', 'reviewAll', 'nominees', 'events']);
const fiftyRowLists = new Set(['reviewCall', 'reviewAll', 'nominees']);
const statementsOf = new Map((results.statements ?? []).map((row) => [row.scenario, row]));
const ratioOf = new Map((results.ratios ?? []).map((row) => [row.scenario, row]));
const verdict = (checks) => (checks.length === 0 ? '' : checks.every(Boolean) ? 'met' : 'missed');

/** The targets of a read: its ratio to the direct SQL, CPU per request for the 50-row lists, machine time and no write for the no-op. */
function targets(row) {
  const ratio = ratioOf.get(row.scenario)?.ratioToDirect;
  const checks = [];
  if (lists.has(row.key)) checks.push(ratio >= 0.8);
  else if (row.key && row.key !== 'health' && ratio !== undefined) checks.push(ratio >= 0.5);
  if (fiftyRowLists.has(row.key)) checks.push(row.apiCpuMsPerRequest <= 1.5, row.postgresCpuMsPerRequest <= 2);
  if (row.key === 'me') checks.push(row.machineMsPerRequest <= 0.25, statementsOf.get(row.scenario)?.writes === 0);
  return verdict(checks);
}

const show = (n) => (n === null || n === undefined ? '' : n);
console.table(
  results.results.map((row) => ({
    scenario: row.scenario,
    'req/s': row.requestsPerSecond,
    'p50 ms': row.p50Ms,
    'p99 ms': row.p99Ms,
    errors: row.errors,
    'API CPU ms': show(row.apiCpuMsPerRequest),
    'PG CPU ms': show(row.postgresCpuMsPerRequest),
    'machine ms': show(row.machineMsPerRequest),
    'idle %': row.idleShare === null || row.idleShare === undefined ? '' : Math.round(row.idleShare * 100),
    statements: show(statementsOf.get(row.scenario)?.statements),
    'vs direct SQL': show(ratioOf.get(row.scenario)?.ratioToDirect),
    'vs /health': show(row.vsHealth),
    targets: targets(row),
  })),
);
console.log(
  'Targets: lists ÷ direct SQL ≥ 0.8, tiny reads ≥ 0.5; 50-row lists API CPU ≤ 1.5 ms and PostgreSQL CPU ≤ 2 ms per request; signed-in no-op ≤ 0.25 ms machine time, no write.',
);
if (results.registrationInvariant)
  console.log(
    `Registration writes: capacity invariant ${results.registrationInvariant.holds ? 'holds' : 'BROKEN'} (${JSON.stringify(results.registrationInvariant)})`,
  );

const open = results.openLoop;
if (open) {
  console.log(
    `\nOpen loop: ${open.rate} req/s for ${open.seconds} s (${open.requests} requests, all answered at ${open.achievedRate} req/s, generator lag p99 ${open.sendLagP99Ms} ms); API ${open.apiCpuMsPerRequest} + PostgreSQL ${open.postgresCpuMsPerRequest} ms CPU per request, ${Math.round(open.idleShare * 100)} % idle. Latency from the time each request was due.`,
  );
  console.table(open.reads.map((row) => ({ ...row, 'p99 ≤ 50 ms': row.p99Ms <= 50 && row.errors === 0 ? 'met' : 'missed' })));
}

// CPU per request at 3× the large set against 1× (target: within 20 %).
const one = resultsFileOf(1);
const three = resultsFileOf(3);
if (existsSync(one) && existsSync(three)) {
  const [base, large] = [one, three].map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const of = new Map(base.results.map((row) => [row.scenario, row]));
  console.log(`\nCPU per request, scale 3 (${large.measuredAt}) against scale 1 (${base.measuredAt}); target within 20 %:`);
  console.table(
    large.results
      .filter((row) => of.has(row.scenario) && row.machineMsPerRequest)
      .map((row) => {
        const at1 = of.get(row.scenario);
        const ratio = row.machineMsPerRequest / at1.machineMsPerRequest;
        return {
          scenario: row.scenario,
          '1× API ms': show(at1.apiCpuMsPerRequest),
          '3× API ms': show(row.apiCpuMsPerRequest),
          '1× PG ms': at1.postgresCpuMsPerRequest,
          '3× PG ms': row.postgresCpuMsPerRequest,
          '3× ÷ 1× machine': Number(ratio.toFixed(2)),
          'within 20 %': ratio <= 1.2 ? 'met' : 'missed',
        };
      }),
  );
}

const allocation = results.allocation;
if (allocation) {
  const pure = allocation.pureFunction;
  const endpoint = allocation.dryRunEndpoint;
  console.log(
    `\nAllocation ${allocation.applicants} × ${allocation.preferences} × ${allocation.lines}: in-process median ${pure.medianMs} ms (target ≤ 100 ms: ${pure.medianMs <= 100 ? 'met' : 'missed'})` +
      (endpoint ? `; dry-run endpoint median ${endpoint.medianMs} ms (target ≤ 1,500 ms: ${endpoint.medianMs <= 1500 ? 'met' : 'missed'})` : ''),
  );
}

if (results.web) {
  console.log(`\nWeb (${results.web.connections} connections, ${results.web.durationSeconds} s per page):`);
  console.table(
    results.web.pages.map((page) =>
      page.skipped
        ? { page: page.page, 'req/s': `HTTP ${page.status}` }
        : {
            page: page.page,
            'req/s': page.requestsPerSecond,
            'p50 ms': page.p50Ms,
            'p99 ms': page.p99Ms,
            errors: page.errors,
            'alone median ms': page.aloneMedianMs,
            'alone p99 ms': page.aloneP99Ms,
            'JS KB gz': Number((page.javascriptGzipBytes / 1024).toFixed(1)),
            'JS ≤ 60 KB': page.javascriptGzipBytes <= 60 * 1024 ? 'met' : 'missed',
            'render p99 ≤ 50 ms (alone)': page.aloneP99Ms <= 50 ? 'met' : 'missed',
          },
    ),
  );
}
