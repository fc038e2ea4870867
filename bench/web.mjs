#!/usr/bin/env node
/**
 * The web on the large data set: server-rendering time and requests/s of the main pages at 50
 * connections (the web and the API each in a process of their own, as `npm start` runs them),
 * and the JavaScript each page loads (gzipped, from the build output, as the page's
 * modulepreload links name it). Appends to bench/results.json (or the results file of BENCH_SCALE, see bench/root.mjs).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { resultsFile } from './root.mjs';
import { demoPassword, largeEmailDomain, openDatabase } from '@exchange/db';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const webServer = path.join(root, 'apps/web/scripts/serve.js');
const clientDir = path.join(root, 'apps/web/build/client');
if (!existsSync(path.join(root, 'apps/web/build/handler.js'))) {
  console.error('apps/web is not built: npm run build first.');
  process.exit(1);
}
const duration = Number(process.env.BENCH_SECONDS || 10);
const connections = 50;
const jwtSecret = randomBytes(32).toString('hex');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-web-'));

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const apiPort = await freePort();
const webPort = await freePort();
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  JWT_SECRET: jwtSecret,
  API_PORT: String(apiPort),
  API_URL: `http://127.0.0.1:${apiPort}`,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '100000000',
};
const children = [
  spawn(process.execPath, [path.join(root, 'apps/api/dist/server.js')], { env, stdio: ['ignore', 'inherit', 'inherit'] }),
  spawn(process.execPath, [webServer], {
    env: { ...env, PORT: String(webPort), ORIGIN: `http://127.0.0.1:${webPort}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  }),
];
const web = `http://127.0.0.1:${webPort}`;
async function waitFor(url) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}
await waitFor(`http://127.0.0.1:${apiPort}/api/v1/ready`);
await waitFor(`${web}/login`);

// A student and a coordinator of the large set, signed in as the browser would be: the cookie.
const database = openDatabase({ url: databaseUrl, poolSize: 1 });
const [reviewCall] = await database.rows(
  `select c.id from calls c join institutions i on i.id = c.institution_id where i.code = 'PSU' and c.academic_year = '2027/2028' order by c.created_at limit 1`,
);
const [student] = await database.rows(
  `select email from users where email like $1 and status = 'active' and exists (select 1 from applications a where a.student_id = users.id) order by email limit 1`,
  [`%@${largeEmailDomain}`],
);
await database.close();
async function sessionCookie(email) {
  const response = await fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return `session=${(await response.json()).token}`;
}
const cookies = {
  anonymous: undefined,
  student: await sessionCookie(student.email),
  coordinator: await sessionCookie('coordinator@psu.exchange.test'),
};

const pages = [
  { name: 'home /', path: '/', as: 'anonymous' },
  { name: 'public events /events', path: '/events', as: 'anonymous' },
  { name: 'sign-in /login', path: '/login', as: 'anonymous' },
  { name: 'student: my applications /applications', path: '/applications', as: 'student' },
  { name: 'office: review list /calls/:id/applications', path: `/calls/${reviewCall.id}/applications`, as: 'coordinator' },
  { name: 'office: incoming nominees /nominations', path: '/nominations?direction=incoming', as: 'coordinator' },
  { name: 'flows /flows', path: '/flows', as: 'coordinator' },
];

/**
 * The JavaScript a page loads before it is interactive: the client entry, the app, the page's
 * route nodes (as the HTML names them to hydrate) and everything they import statically, from
 * the build's Vite manifest, each file gzipped. Lazy chunks loaded later are not counted.
 */
const manifest = JSON.parse(readFileSync(path.join(root, 'apps/web/.svelte-kit/output/client/.vite/manifest.json'), 'utf8'));
const gzipped = new Map();
function javascriptOf(html) {
  return javascriptOfNodes(
    (/node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
}
function javascriptOfNodes(nodeIds) {
  const roots = Object.keys(manifest).filter(
    (key) =>
      key.endsWith('runtime/client/entry.js') ||
      key.endsWith('client-optimized/app.js') ||
      nodeIds.some((id) => key.endsWith(`client-optimized/nodes/${id}.js`)),
  );
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  let bytes = 0;
  for (const key of seen) {
    const file = path.join(clientDir, manifest[key].file);
    if (!file.endsWith('.js') || !existsSync(file)) continue;
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
    bytes += gzipped.get(file);
  }
  return { files: seen.size, gzipBytes: bytes };
}

const results = [];
for (const page of pages) {
  const headers = cookies[page.as] ? { cookie: cookies[page.as] } : {};
  const first = await fetch(`${web}${page.path}`, { headers, redirect: 'manual' });
  const html = await first.text();
  if (first.status !== 200) {
    results.push({ page: page.name, status: first.status, skipped: true });
    console.log(`${page.name}: ${first.status}, skipped`);
    continue;
  }
  const javascript = javascriptOf(html);
  await autocannon({ url: `${web}${page.path}`, headers, connections: 10, duration: 2 });
  const result = await autocannon({ url: `${web}${page.path}`, headers, connections, duration });
  // Rendering time of one page alone (one request at a time, after the load has drained).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const alone = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    await (await fetch(`${web}${page.path}`, { headers })).text();
    alone.push(performance.now() - started);
  }
  alone.sort((a, b) => a - b);
  const row = {
    page: page.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    aloneMedianMs: Number(alone[50].toFixed(1)),
    aloneP99Ms: Number(alone[98].toFixed(1)),
    htmlBytes: Buffer.byteLength(html),
    javascriptFiles: javascript.files,
    javascriptGzipBytes: javascript.gzipBytes,
  };
  results.push(row);
  console.log(
    `${page.name}: ${row.requestsPerSecond} req/s, p99 ${row.p99Ms} ms at ${connections} connections; alone ${row.aloneMedianMs} ms; JS ${(row.javascriptGzipBytes / 1024).toFixed(1)} KB gzipped`,
  );
}

for (const child of children) child.kill('SIGTERM');
await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)))));
rmSync(dataDir, { recursive: true, force: true });

// Every page of the build, not only the measured ones: its layouts and its own node, from the
// server's route manifest.
const { manifest: routes } = await import(pathToFileURL(path.join(root, 'apps/web/.svelte-kit/output/server/manifest.js')).href);
const everyPage = routes._.routes
  .filter((route) => route.page)
  .map((route) => ({
    route: route.id,
    javascriptGzipBytes: javascriptOfNodes([...route.page.layouts.filter((id) => id !== null && id !== undefined), route.page.leaf].map(String)).gzipBytes,
  }))
  .sort((a, b) => b.javascriptGzipBytes - a.javascriptGzipBytes);
const over = everyPage.filter((page) => page.javascriptGzipBytes > 60 * 1024);
console.log(
  `JavaScript per page, all ${everyPage.length} pages: ${over.length} over 60 KB${over.length ? `: ${over.map((page) => `${page.route} ${(page.javascriptGzipBytes / 1024).toFixed(1)} KB`).join(', ')}` : ''}`,
);

const file = resultsFile;
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all.web = { measuredAt: new Date().toISOString(), connections, durationSeconds: duration, pages: results, javascriptEveryPage: everyPage };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
process.exit(0);
