#!/usr/bin/env node
/** Prints two results files of bench/run.mjs side by side (bench/compare.sh): req/s and CPU per request, old against new. */
import { readFileSync } from 'node:fs';

const [oldFile, newFile] = process.argv.slice(2);
if (!newFile) {
  console.error('usage: node bench/compare.mjs <old results.json> <new results.json>');
  process.exit(1);
}
const [before, after] = [oldFile, newFile].map((file) => JSON.parse(readFileSync(file, 'utf8')));
const ratio = (a, b) => (a && b ? Number((a / b).toFixed(2)) : '');
const show = (n) => (n === null || n === undefined ? '' : n);

console.log(
  `\nOld ${before.settings.commit ?? oldFile} (${before.measuredAt}) against new ${after.settings.commit ?? newFile} (${after.measuredAt}), scale ${before.settings.scale} and ${after.settings.scale}, same machine, back to back.`,
);
// Issue 17's targets for requests/s, new against old.
const speedUp = { reviewCall: 2.2, reviewAll: 2.2, nominees: 2.2, own: 2, flows: 2, events: 1.8 };
const old = new Map(before.results.map((row) => [row.scenario, row]));
console.table(
  after.results.map((row) => {
    const was = old.get(row.scenario) ?? {};
    return {
      scenario: row.scenario,
      'old req/s': show(was.requestsPerSecond),
      'new req/s': row.requestsPerSecond,
      'req/s new ÷ old': ratio(row.requestsPerSecond, was.requestsPerSecond),
      'old API ms': show(was.apiCpuMsPerRequest),
      'new API ms': show(row.apiCpuMsPerRequest),
      'old PG ms': show(was.postgresCpuMsPerRequest),
      'new PG ms': show(row.postgresCpuMsPerRequest),
      'machine ms old ÷ new': ratio(was.machineMsPerRequest, row.machineMsPerRequest),
      target: speedUp[row.key] ? `≥ ${speedUp[row.key]}×: ${row.requestsPerSecond / was.requestsPerSecond >= speedUp[row.key] ? 'met' : 'missed'}` : '',
    };
  }),
);
if (before.openLoop && after.openLoop) {
  const oldOpen = new Map(before.openLoop.reads.map((row) => [row.scenario, row]));
  console.log(`Open loop at ${after.openLoop.rate} req/s, p99 ms:`);
  console.table(after.openLoop.reads.map((row) => ({ scenario: row.scenario, 'old p99 ms': show(oldOpen.get(row.scenario)?.p99Ms), 'new p99 ms': row.p99Ms })));
}
