/** For tests that run the API as separate processes, as in production. */
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForReady(port: number) {
  // Up to a minute: starting through tsx on a busy two-core machine takes a while.
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`API on port ${port} did not start`);
}

/**
 * Plain HTTP to an API process: POST with a token (status 0 when the process is gone) and
 * sign-in with the demo password.
 */
export function apiClient(port: number, password: string) {
  const base = `http://127.0.0.1:${port}/api/v1`;
  return {
    async post(url: string, token: string, body?: unknown) {
      try {
        const response = await fetch(`${base}${url}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        return { status: response.status, body: (await response.json().catch(() => null)) as { id?: string } | null };
      } catch {
        return { status: 0, body: null };
      }
    },
    async login(email: string) {
      const response = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return ((await response.json()) as { token: string }).token;
    },
  };
}
