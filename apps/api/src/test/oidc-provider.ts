/**
 * A real OpenID provider (oidc-provider) for tests, on a free port of this machine: clients
 * with PKCE required, accounts the test adds, and a minimal login page (one field: the
 * account). `codeFlow` follows the whole authorization code flow over HTTP as a browser would,
 * cookies included, up to the redirect to the client's callback.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestAccount = { sub: string; email?: string; email_verified?: boolean; name?: string };
export type TestClient = { clientId: string; clientSecret: string };

async function formOf(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const loginPage = (uid: string, problem = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>${problem ? `<p role="alert">${problem}</p>` : ''}
<form method="post" action="/interaction/${uid}"><label for="login">Account</label>
<input id="login" name="login" autocomplete="username"><button type="submit">Sign in</button></form></main></body></html>`;

export async function startTestProvider(options: { redirectUris: string[]; clients: TestClient[] }) {
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: async () => ({ ...account }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['a test provider’s cookie key, nothing to keep secret'] },
    // Consent is given once signed in: the tests are about the client, not the consent screen.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session?.grantIdFor(client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  const handle = provider.callback();
  server.on('request', (request, response) => {
    // A browser asks for an icon: none, and no error on its console.
    if (request.url === '/favicon.ico') return response.writeHead(204).end();
    const interaction = /^\/interaction\/([\w-]+)$/.exec(request.url ?? '');
    if (!interaction) return handle(request, response);
    void (async () => {
      try {
        const details = await provider.interactionDetails(request, response);
        if (request.method !== 'POST') {
          response.setHeader('content-type', 'text/html; charset=utf-8');
          return response.end(loginPage(details.uid));
        }
        const login = (await formOf(request)).get('login') ?? '';
        if (!accounts.has(login)) {
          response.statusCode = 400;
          response.setHeader('content-type', 'text/html; charset=utf-8');
          return response.end(loginPage(details.uid, 'Unknown account'));
        }
        await provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      } catch (error) {
        response.statusCode = 500;
        response.end(String(error));
      }
    })();
  });

  return {
    issuer,
    /** Adds or replaces an account at the provider. */
    account(account: TestAccount) {
      accounts.set(account.sub, account);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;

/**
 * Follows an authorization URL as a browser: the provider's login page is filled in with the
 * account, cookies kept between requests. Returns the query string the provider sends back to
 * the redirect URI (what the web's callback page would see).
 */
export async function codeFlow(authorizationUrl: string, login: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  let url = authorizationUrl;
  let form: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url).search;
    const response = await fetch(url, {
      redirect: 'manual',
      method: form ? 'POST' : 'GET',
      headers: { cookie: cookieHeader(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form } : {}),
    });
    keep(response);
    const location = response.headers.get('location');
    if (response.status === 200 && new URL(url).pathname.startsWith('/interaction/') && !form) {
      await response.text();
      form = new URLSearchParams({ login }).toString();
      continue;
    }
    form = undefined;
    if (!location) throw new Error(`the provider answered ${response.status} at ${url}: ${(await response.text()).slice(0, 300)}`);
    await response.arrayBuffer();
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}
