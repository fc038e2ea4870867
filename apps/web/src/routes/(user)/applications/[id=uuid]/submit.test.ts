import { describe, expect, it, vi } from 'vitest';
import { createApi } from '$lib/server/api';
import { actions } from './+page.server';

vi.mock('$env/dynamic/private', () => ({ env: { API_URL: 'http://api.test', JWT_SECRET: 'test-secret', LOG_LEVEL: 'silent' } }));

const applicationId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const student = { id: '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01', role: 'student' };

describe('submitting an incomplete application', () => {
  it('shows the missing items as the API listed them, with the level a certificate needs', async () => {
    // The list names more than the field errors' paths could: the scale and level asked for.
    const missing = [
      { item: 'gpa' },
      { item: 'languageCertificate', language: 'zh', scale: 'HSK', level: '4' },
      { item: 'document', documentType: 'transcript' },
    ];
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'The application is incomplete',
            status: 422,
            code: 'application_incomplete',
            errors: [{ path: 'gpa', code: 'missing', message: 'Fill in gpa' }],
            missing,
          }),
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    const event = {
      locals: { user: student, api },
      params: { id: applicationId },
      url: new URL(`http://web.test/applications/${applicationId}`),
    };
    const answer = await actions.submit!(event as never);
    expect(answer).toMatchObject({ status: 422, data: { problem: 'application_incomplete', missing } });
    const [url] = fetch.mock.calls[0] as unknown as [URL];
    expect(String(url)).toBe(`http://api.test/api/v1/applications/${applicationId}/submit`);
  });
});
