#!/usr/bin/env node
/**
 * `npm start`: serves the whole system from the built apps. The API starts first (it applies
 * migrations and, on the embedded database, seeds the demo data on first start); the web
 * follows once the API is ready. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const apiPort = process.env.API_PORT || '3001';
const webPort = process.env.WEB_PORT || '3000';
const env = {
  ...process.env,
  DATA_DIR: path.resolve(root, process.env.DATA_DIR || '.data'),
  API_PORT: apiPort,
  API_URL: process.env.API_URL || `http://127.0.0.1:${apiPort}`,
};

const children = [];
function run(name, script, extraEnv) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.on('exit', resolve)) : null))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForApi() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${env.API_URL}/api/v1/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('The API did not become ready within two minutes.');
}

run('API', path.join(root, 'apps/api/dist/server.js'));
await waitForApi();
// Uploads of application documents reach 10 MB (plus the form around them): above the Node
// adapter's default body limit of 512 kB.
// serve.js serves plain http correctly when ORIGIN is unset (see its header comment).
run('Web', path.join(root, 'apps/web/scripts/serve.js'), { PORT: webPort });

const url = env.ORIGIN || `http://localhost:${webPort}`;
console.log(`
  Penza–Baoji student exchange is running.

    Web:  ${url}
    API:  ${env.API_URL}/api/v1   (documentation: ${env.API_URL}/api/docs)
    Data: ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : path.join(env.DATA_DIR, 'pglite')}
${
  env.DATABASE_URL
    ? ''
    : `
  Demo accounts (password Exchange-Demo-2026!):
    admin@exchange.test                  administrator
    coordinator@psu.exchange.test        coordinator, Penza State University
    coordinator@buas.exchange.test       coordinator, Baoji University of Arts and Sciences
    coordinator@bri.exchange.test        coordinator, Baoji Railway Institute
    reviewer@buas.exchange.test          reviewer, BUAS
    student1@psu.exchange.test … student5@psu.exchange.test, student1@buas.exchange.test, student2@buas.exchange.test
`
}
  Press Ctrl+C to stop.
`);
