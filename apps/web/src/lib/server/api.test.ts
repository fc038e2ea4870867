import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, fieldErrorsByName, parseProblem } from './api';

vi.mock('$env/dynamic/private', () => ({ env: { API_URL: 'http://api.test', JWT_SECRET: 'test-secret', LOG_LEVEL: 'silent' } }));

const institutionId = '5b0c3a52-4f0e-4a57-9a53-0d7c1f6d2a10';
const userJson = {
  id: '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01',
  email: 'student1@psu.exchange.test',
  fullName: 'Анна Петрова',
  fullNameLatin: 'Anna Petrova',
  role: 'student',
  institutionId,
  status: 'active',
  locale: 'ru',
  nominationMail: 'daily',
  passwordSet: true,
  createdAt: '2026-01-10T09:00:00+00:00',
  emailVerifiedAt: null,
  consent: { version: '2026-12-01', givenAt: '2026-01-10T09:00:00+00:00' },
};

function answer(status: number, body: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });
}

describe('parseProblem', () => {
  it('keeps code, detail and field errors of a problem document', () => {
    const error = parseProblem(422, {
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'validation_failed',
      errors: [{ path: 'password', code: 'too_small', message: 'Too short' }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('validation_failed');
    expect(fieldErrorsByName(error)).toEqual({ password: 'too_small' });
  });

  it('names fields by the first segment of paths such as body.seats or /body/languageRequirement/level', () => {
    const error = parseProblem(422, {
      type: 'x',
      title: 'x',
      status: 422,
      code: 'validation_failed',
      errors: [
        { path: '/body/languageRequirement/level', code: 'custom', message: '' },
        { path: 'eqfLevels.0', code: 'invalid_value', message: '' },
        { path: 'body.seats', code: 'below_used', message: '' },
      ],
    });
    expect(fieldErrorsByName(error)).toEqual({ languageRequirement: 'custom', eqfLevels: 'invalid_value', seats: 'below_used' });
  });

  it('carries the problem as the API sent it, with the missing items of a refused submission', () => {
    const body = {
      type: 'about:blank',
      title: 'The application is incomplete',
      status: 422,
      code: 'application_incomplete',
      errors: [{ path: 'languageCertificates.zh', code: 'missing', message: 'Add a language certificate' }],
      missing: [
        { item: 'languageCertificate', language: 'zh', scale: 'HSK', level: '4' },
        { item: 'document', documentType: 'transcript' },
      ],
    };
    const error = parseProblem(422, body);
    expect(error.problem).toEqual(body);
    expect(error.missing).toEqual(body.missing);
    expect(error.fieldErrors).toEqual(body.errors);
    expect(parseProblem(429, 'Too many').problem).toBeNull();
  });

  it('falls back to a code by status when the body is not a problem', () => {
    expect(parseProblem(429, 'Too many').code).toBe('rate_limited');
    expect(parseProblem(502, undefined).code).toBe('api_unavailable');
  });
});

describe('createApi', () => {
  it('sends the token, the signed client address and JSON, and checks the answer', async () => {
    const fetch = vi.fn(async () => answer(200, userJson));
    const api = createApi({ token: 'tok', clientAddress: '198.51.100.4', fetch });
    const user = await api.me();
    expect(user.fullName).toBe('Анна Петрова');
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe('http://api.test/api/v1/me');
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers['x-exchange-client-ip']).toBe('198.51.100.4');
    expect(headers['x-exchange-client-sig']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns problem+json into ApiError', async () => {
    const fetch = vi.fn(async () => answer(403, { type: 'about:blank', title: 'Pending', status: 403, code: 'account_pending' }, 'application/problem+json'));
    const api = createApi({ token: null, clientAddress: null, fetch });
    await expect(api.login({ email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ status: 403, code: 'account_pending' });
  });

  it('reports an unreachable API as unavailable', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const api = createApi({ token: null, clientAddress: null, fetch });
    await expect(api.institutions()).rejects.toMatchObject({ status: 503, code: 'api_unavailable' });
  });

  it('refuses answers that break the contract', async () => {
    const fetch = vi.fn(async () => answer(200, { ...userJson, role: 'wizard' }));
    const api = createApi({ token: 't', clientAddress: null, fetch });
    await expect(api.me()).rejects.toMatchObject({ status: 502, code: 'api_bad_response' });
  });

  it('passes query parameters and unwraps quota lists', async () => {
    const fetch = vi.fn(async () => answer(200, { items: [] }));
    const api = createApi({ token: 't', clientAddress: null, fetch });
    expect(await api.quotas(institutionId, '2025/2026')).toEqual([]);
    const [url] = fetch.mock.calls[0] as unknown as [URL];
    expect(url.searchParams.get('academicYear')).toBe('2025/2026');
  });
});
