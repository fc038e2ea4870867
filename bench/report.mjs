#!/usr/bin/env node
/** Prints bench/results.json as the closing table of `npm run bench`, with the targets of issue 7. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const results = JSON.parse(readFileSync(path.join(root, 'bench/results.json'), 'utf8'));
const { machine, settings, data } = results;

console.log(`\n=== Benchmark ${results.measuredAt} ===`);
console.log(
  `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average at the end ${machine.loadAverage?.join(' ')}; API, PostgreSQL 15 and the load generator on the same machine.`,
);
console.log(
  `Data: ${Object.entries(data ?? {})
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')} (scale ${settings.scale}). ${settings.connections} connections, ${settings.durationSeconds} s per scenario, API pool ${settings.apiPool}.\n`,
);

const health = results.results.find((row) => row.scenario.startsWith('health'));
const ratioOf = new Map((results.ratios ?? []).map((row) => [row.scenario, row]));
console.table(
  results.results.map((row) => {
    const ratio = ratioOf.get(row.scenario);
    return {
      scenario: row.scenario,
      'req/s': row.requestsPerSecond,
      'p50 ms': row.p50Ms,
      'p99 ms': row.p99Ms,
      errors: row.errors,
      'vs direct SQL': ratio ? ratio.ratioToDirect : '',
      'vs /health': row.scenario.endsWith('direct SQL') || !health ? '' : Number((row.requestsPerSecond / health.requestsPerSecond).toFixed(3)),
      'target (≥0.5 direct, p99 ≤25)': ratio ? (ratio.ratioToDirect >= 0.5 && row.p99Ms <= 25 ? 'met' : 'missed') : '',
    };
  }),
);
if (results.registrationInvariant)
  console.log(
    `Registration writes: capacity invariant ${results.registrationInvariant.holds ? 'holds' : 'BROKEN'} (${JSON.stringify(results.registrationInvariant)})`,
  );

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
