#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse (performance, accessibility, best practices) on the main pages
 * of the production build, with Debian's chromium. Starts the built system on free ports with a
 * fresh embedded database (or uses WEB_URL when set), signs in as demo accounts for their pages,
 * prints the scores and writes them to docs/lighthouse.json, which keeps the last run of each
 * preset: running one preset leaves the other's figures as they were.
 *
 * Options: LIGHTHOUSE_PRESET=desktop|mobile (default desktop), CHROME_PATH (default /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const preset = process.env.LIGHTHOUSE_PRESET === 'mobile' ? 'mobile' : 'desktop';
const password = 'Exchange-Demo-2026!';

const pages = [
  { name: 'home (visitor)', path: '/' },
  { name: 'sign-in', path: '/login' },
  { name: 'registration', path: '/register' },
  { name: 'events', path: '/events' },
  { name: 'home (student)', path: '/', as: 'student1@psu.exchange.test' },
  { name: 'calls (student)', path: '/calls', as: 'student1@psu.exchange.test' },
  { name: 'home (coordinator)', path: '/', as: 'coordinator@psu.exchange.test' },
  { name: 'nominations (partner)', path: '/nominations', as: 'coordinator@buas.exchange.test' },
  { name: 'flows (admin)', path: '/flows', as: 'admin@exchange.test' },
];

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitFor(url, system) {
  for (let i = 0; i < 240; i++) {
    if (system && system.exitCode !== null) throw new Error('The system stopped while starting.');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer.`);
}

/** Signs in through the web's own form and returns the session cookie. */
async function sessionCookie(web, email) {
  const body = new URLSearchParams({ email, password });
  const response = await fetch(`${web}/login`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { origin: web, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const session = cookies.find((cookie) => cookie.startsWith('session='));
  if (!session) throw new Error(`Could not sign in as ${email} (${response.status}).`);
  return cookies.join('; ');
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}: ${errors.slice(-2000)}`))));
  });
}

let system;
let dataDir;
let web = process.env.WEB_URL?.replace(/\/+$/, '');
const work = await mkdtemp(path.join(tmpdir(), 'exchange-lighthouse-'));
try {
  if (!web) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-lighthouse-data-'));
    const [apiPort, webPort] = [await freePort(), await freePort()];
    system = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, API_PORT: String(apiPort), WEB_PORT: String(webPort), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    web = `http://127.0.0.1:${webPort}`;
  }
  await waitFor(`${web}/login`, system);

  const cookies = new Map();
  const results = [];
  for (const [index, page] of pages.entries()) {
    const headers = {};
    if (page.as) {
      if (!cookies.has(page.as)) cookies.set(page.as, await sessionCookie(web, page.as));
      headers.Cookie = cookies.get(page.as);
    }
    const report = path.join(work, `${index}.json`);
    // Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART): one more try.
    const lighthouse = () =>
      run(process.execPath, [
        path.join(root, 'node_modules/lighthouse/cli/index.js'),
        `${web}${page.path}`,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--only-categories=performance,accessibility,best-practices',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        `--extra-headers=${JSON.stringify(headers)}`,
        `--chrome-path=${chromePath}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ]);
    await lighthouse().catch(lighthouse);
    const lhr = JSON.parse(await readFile(report, 'utf8'));
    const landed = new URL(lhr.finalDisplayedUrl ?? lhr.finalUrl).pathname;
    if (landed !== page.path) throw new Error(`${page.name}: Lighthouse ended on ${landed}, not ${page.path}`);
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failing = Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary')
      .map((audit) => audit.id);
    const metric = (id) =>
      typeof lhr.audits[id]?.numericValue === 'number'
        ? Math.round(lhr.audits[id].numericValue * (id === 'cumulative-layout-shift' ? 1000 : 1)) / (id === 'cumulative-layout-shift' ? 1000 : 1)
        : null;
    const metrics = {
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndexMs: metric('speed-index'),
    };
    const row = {
      page: page.name,
      path: page.path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      failing,
      metrics,
    };
    results.push(row);
    console.log(
      `${row.page.padEnd(24)} performance ${String(row.performance).padStart(3)}  accessibility ${String(row.accessibility).padStart(3)}  best practices ${String(row.bestPractices).padStart(3)}  LCP ${metrics.lcpMs} ms  TBT ${metrics.tbtMs} ms${failing.length ? `  (${failing.join(', ')})` : ''}`,
    );
  }
  await mkdir(path.join(root, 'docs'), { recursive: true });
  const file = path.join(root, 'docs/lighthouse.json');
  // The other preset's last run stays; a file of the older one-preset layout is carried over.
  let previous = {};
  try {
    const old = JSON.parse(await readFile(file, 'utf8'));
    previous = old.presets ?? (old.preset ? { [old.preset]: { measuredAt: old.measuredAt, lighthouse: old.lighthouse, pages: old.pages } } : {});
  } catch {
    // no file yet
  }
  const version = JSON.parse(await readFile(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  const presets = { ...previous, [preset]: { measuredAt: new Date().toISOString(), lighthouse: version, pages: results } };
  const ordered = Object.fromEntries(['desktop', 'mobile'].filter((name) => presets[name]).map((name) => [name, presets[name]]));
  await writeFile(file, `${JSON.stringify({ presets: ordered }, null, 2)}\n`);
  console.log(`Written to docs/lighthouse.json (${preset})`);
} finally {
  if (system && system.exitCode === null) {
    system.kill('SIGTERM');
    await new Promise((resolve) => system.once('exit', resolve));
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
}
