/** The API under test, in a process of its own, and the sign-in of the bench accounts. */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { processCpuMs } from './machine.mjs';
import { db } from './root.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** The API built in `apiRoot` (this checkout, or BENCH_API_ROOT's), listening on a free port. */
export async function startApi({ apiRoot, dataDir, jwtSecret }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the API process.
  const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...apiNodeArgs, path.join(apiRoot, 'apps/api/dist/server.js')], {
    env: { ...process.env, API_PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: dataDir, JWT_SECRET: jwtSecret, RATE_LIMIT_MAX: '100000000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const apiExited = new Promise((resolve) => api.on('exit', resolve));
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${base}/api/v1/ready`)).ok) break;
    } catch {
      // not yet listening
    }
    if (attempt > 300) throw new Error('API did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /** CPU time (user + system) the API process has used so far, in ms: less noisy than req/s on a shared machine. */
  const apiCpuMs = () => processCpuMs(api.pid);

  async function stop() {
    if (api.exitCode === null) api.kill('SIGTERM');
    await apiExited;
  }

  return { base, apiCpuMs, stop };
}

/**
 * A token for each account of each group, signed in through the API. Each sign-in comes from
 * an address of its own (signed, as the web passes it on): sign-ins are limited per address.
 */
export async function signIn(base, accounts, jwtSecret) {
  let count = 0;
  async function login(email) {
    const address = `198.51.100.${count++ % 250}`;
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-exchange-client-ip': address,
        'x-exchange-client-sig': createHmac('sha256', jwtSecret).update(address).digest('hex'),
      },
      body: JSON.stringify({ email, password: db.demoPassword }),
    });
    if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    return (await response.json()).token;
  }
  const tokens = {};
  for (const [group, emails] of Object.entries(accounts)) tokens[group] = await Promise.all(emails.map(login));
  return tokens;
}
