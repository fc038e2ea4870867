/**
 * Builds the real app on a fresh, migrated database seeded with the demo data, and talks to
 * it through HTTP (`inject`). One database per test file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoPassword, seedDemoData } from '@exchange/db';
import { createTestDatabase } from '@exchange/db/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app.js';
import type { Mailbox } from '../config.js';
import { createResponseChecker, type OpenApiDocument } from './openapi-check.js';

export type TestContext = {
  app: App;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  jwtSecret: string;
  /** DATA_DIR of this app: the mail outbox writes its .eml files under `outbox/`. */
  dataDir: string;
  /** Signs in through the API and returns the bearer token. */
  login(email: string, password?: string): Promise<string>;
  /**
   * A request with an optional bearer token; JSON bodies are sent as JSON. The response is
   * checked against the published OpenAPI document and the request fails on any drift;
   * `unchecked` turns that off for one request, and must say why.
   */
  request(options: RequestOptions): Promise<LightMyRequestResponse>;
  institutionId(code: 'PSU' | 'BUAS' | 'BRI'): Promise<string>;
  close(): Promise<void>;
};

export type RequestOptions = InjectOptions & { token?: string; unchecked?: string };

export async function createTestContext(
  options: {
    rateLimitMax?: number;
    tokenTtlSeconds?: number;
    clock?: () => Date;
    serverUrl?: string;
    origin?: string;
    mailFrom?: Mailbox;
  } = {},
): Promise<TestContext> {
  const database = await createTestDatabase(options.serverUrl ? { url: options.serverUrl } : {});
  await seedDemoData(database.db);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-test-'));
  const app = await buildApp({
    config: {
      jwtSecret,
      rateLimitMax: options.rateLimitMax ?? 10_000,
      logLevel: 'silent',
      dataDir,
      smtpUrl: undefined,
      origin: options.origin,
      mailFrom: options.mailFrom,
    },
    database,
    closeDatabase: false,
    logger: false,
    ...(options.tokenTtlSeconds ? { tokenTtlSeconds: options.tokenTtlSeconds } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const institutionIds = new Map<string, string>();

  // The document as clients get it, fetched and compiled once for this app.
  let checker: ReturnType<typeof createResponseChecker> | undefined;
  const checkerOf = async () => {
    if (!checker) {
      const published = await app.inject({ method: 'GET', url: '/api/docs/json' });
      if (published.statusCode !== 200) throw new Error(`the OpenAPI document did not load: ${published.statusCode}`);
      checker = createResponseChecker(published.json() as OpenApiDocument);
    }
    return checker;
  };

  const request: TestContext['request'] = async ({ token, headers, unchecked, ...rest }) => {
    if (unchecked !== undefined && !unchecked.trim()) throw new Error('say why a response is not checked against the OpenAPI document');
    const response = await app.inject({
      ...rest,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (unchecked === undefined) {
      const drift = (await checkerOf())(response.raw.req.method ?? 'GET', response.raw.req.url ?? '/', response);
      if (drift) throw new Error(`The response differs from the OpenAPI document: ${drift}`);
    }
    return response;
  };

  return {
    app,
    database,
    jwtSecret,
    dataDir,
    request,
    async login(email, password = demoPassword) {
      const response = await request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
      return response.json().token as string;
    },
    async institutionId(code) {
      if (!institutionIds.has(code)) {
        const response = await request({ method: 'GET', url: '/api/v1/institutions' });
        for (const item of response.json().items) institutionIds.set(item.code, item.id);
      }
      return institutionIds.get(code)!;
    },
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The problem+json body of a response, checked to be one. */
export function problemOf(response: LightMyRequestResponse) {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers['content-type']}: ${response.body}`);
  }
  return response.json() as {
    status: number;
    code: string;
    detail: string;
    title: string;
    type: string;
    errors?: { path: string; code: string; message: string }[];
  };
}

/** A multipart/form-data body as a browser would send it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; contentType?: string }) {
  const boundary = `----exchange${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The first bytes of each kind of file, padded to a small file. */
export const sampleFiles = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]),
};

/** The e-mails the outbox wrote as .eml files, decoded. */
export async function readOutbox(dataDir: string) {
  const folder = path.join(dataDir, 'outbox');
  const files = await readdir(folder).catch(() => []);
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(path.join(folder, file), 'utf8');
      const [head = '', ...rest] = raw.split('\n\n');
      const encoded = rest.join('\n\n');
      const encoding = /content-transfer-encoding: *(\S+)/i.exec(head)?.[1]?.toLowerCase();
      const body =
        encoding === 'base64'
          ? Buffer.from(encoded.replace(/\s/g, ''), 'base64').toString('utf8')
          : encoding === 'quoted-printable'
            ? decodeQuotedPrintable(encoded).trim()
            : encoded.trim();
      const header = (name: string) => new RegExp(`^${name}: *(.+)$`, 'im').exec(head)?.[1]?.trim();
      return { to: header('to'), from: header('from'), body };
    }),
  );
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
