/**
 * Where the bench scripts are, which build they measure and where the results go.
 *
 * BENCH_API_ROOT=<a checkout> measures that checkout's build (its apps/api/dist, and its
 * @exchange/db for the schema, the seed and the statements) with these scripts: `bench/compare.sh`
 * runs an older commit that way. BENCH_RESULTS=<file> writes the results there instead of
 * bench/results.json (scale 1) or bench/results-scale<N>.json (any other BENCH_SCALE).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const apiRoot = process.env.BENCH_API_ROOT ? path.resolve(process.env.BENCH_API_ROOT) : root;
export const scale = Number(process.env.BENCH_SCALE || 1);

/** The @exchange/db of the build under test (the measured build's schema, seed and client). */
export const db = await import(pathToFileURL(path.join(apiRoot, 'packages/db/dist/index.js')).href);

export const resultsFileOf = (atScale) => path.join(root, atScale === 1 ? 'bench/results.json' : `bench/results-scale${atScale}.json`);
export const resultsFile = process.env.BENCH_RESULTS ? path.resolve(process.env.BENCH_RESULTS) : resultsFileOf(scale);
