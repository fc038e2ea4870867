#!/usr/bin/env node
/**
 * The API's module picture, checked in `npm run lint`: dependency-cruiser's rules
 * (.dependency-cruiser.cjs: no circle, no other module's repository or routes, routes without
 * SQL), then lines per module, each module's share of the API's lines, and the deepest chain of
 * module imports. Fails above the limits.
 *
 * dependency-cruiser is called through its API: its command line refuses Node 20, which the
 * project still supports.
 *
 *   node scripts/module-graph.mjs [repository root]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const maxDepth = 4;
const maxShare = 0.12;

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
process.chdir(root);
const source = 'apps/api/src';
const modulesDir = `${source}/modules`;

const isSource = (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts');
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : isSource(full) ? [full] : [];
  });
}
const lines = (file) => readFileSync(file, 'utf8').split('\n').length - 1;

// ——— the rules ———
const configFile = path.join(root, '.dependency-cruiser.cjs');
const options = { ...(await extractDepcruiseOptions(configFile)), validate: true };
const tsConfig = extractTSConfig(path.join(root, options.tsConfig?.fileName ?? 'apps/api/tsconfig.json'));
const { output } = await cruise([source], options, undefined, { tsConfig });
const violations = output.summary.violations.filter((violation) => violation.rule.severity === 'error');

// ——— lines and the module graph ———
const moduleOf = (file) => /^apps\/api\/src\/modules\/([^/]+)\//.exec(file)?.[1];
const total = filesUnder(source).reduce((sum, file) => sum + lines(file), 0);
const names = readdirSync(modulesDir).filter((name) => statSync(path.join(modulesDir, name)).isDirectory());
const size = Object.fromEntries(names.map((name) => [name, filesUnder(path.join(modulesDir, name)).reduce((sum, file) => sum + lines(file), 0)]));

const edges = new Map(names.map((name) => [name, new Set()]));
for (const module of output.modules) {
  const from = moduleOf(module.source);
  if (!from || module.source.endsWith('.test.ts')) continue;
  for (const dependency of module.dependencies) {
    const to = moduleOf(dependency.resolved);
    if (to && to !== from) edges.get(from).add(to);
  }
}

/** The longest chain of modules starting at `name` (counted in modules), or a circle. */
const longest = new Map();
function chainFrom(name, trail = []) {
  if (trail.includes(name)) throw new Error(`circle of modules: ${[...trail.slice(trail.indexOf(name)), name].join(' → ')}`);
  if (longest.has(name)) return longest.get(name);
  let best = [name];
  for (const next of edges.get(name) ?? []) {
    const chain = [name, ...chainFrom(next, [...trail, name])];
    if (chain.length > best.length) best = chain;
  }
  longest.set(name, best);
  return best;
}

const problems = violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
let deepest = [];
try {
  for (const name of names) if (chainFrom(name).length > deepest.length) deepest = chainFrom(name);
} catch (error) {
  problems.push(error.message);
}

console.log(`API source lines (tests aside): ${total}`);
for (const name of [...names].sort((a, b) => size[b] - size[a])) {
  const share = size[name] / total;
  const uses = [...edges.get(name)].sort().join(', ');
  console.log(`  ${name.padEnd(14)} ${String(size[name]).padStart(5)}  ${(share * 100).toFixed(1).padStart(5)} %${uses ? `  → ${uses}` : ''}`);
  if (share > maxShare) problems.push(`module ${name} holds ${(share * 100).toFixed(1)} % of the API's lines (at most ${maxShare * 100} %)`);
}
console.log(`Deepest chain of module imports: ${deepest.length} (${deepest.join(' → ')})`);
if (deepest.length > maxDepth) problems.push(`modules are ${deepest.length} levels deep (at most ${maxDepth})`);

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
