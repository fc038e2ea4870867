import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../api';

vi.mock('$env/dynamic/private', () => ({ env: { API_URL: 'http://api.test', JWT_SECRET: 'test-secret', LOG_LEVEL: 'silent' } }));

const mobilityId = '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01';
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const view = { mobilityId, transcript: null, proposal: [], decision: null };
const callOf = (fetch: ReturnType<typeof vi.fn>, index: number) => fetch.mock.calls[index] as unknown as [URL, RequestInit];

describe('the recognition client', () => {
  it('records the transcript with PUT and hands the field errors of a grade off the scale to the page', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Not on the scale',
      status: 422,
      code: 'grade_not_on_scale',
      errors: [{ path: 'body.components.1.grade', code: 'grade_not_on_scale', message: '101 is not a grade of your scale' }],
    };
    const fetch = vi.fn(async () => answer(422, problem));
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    const body = {
      issuedOn: '2026-12-10',
      components: [
        { code: 'CHN101', title: '汉语', credits: 4, grade: '86', date: '2026-12-01' },
        { code: 'CUL110', title: '文化', credits: 2, grade: '101', date: '2026-12-02' },
      ],
    };
    const refused = await api.recognition.recordTranscript(mobilityId, body).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).fieldErrors.map((error) => error.path)).toEqual(['body.components.1.grade']);
    const [url, init] = callOf(fetch, 0);
    expect(String(url)).toBe(`http://api.test/api/v1/mobilities/${mobilityId}/transcript`);
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toEqual(body);
  });

  it('reads the recognition, decides with POST, and asks for the report of a year', async () => {
    const fetch = vi.fn(async (url: URL | RequestInfo) =>
      String(url).includes('/reports/') ? answer(200, { academicYear: '2026/2027', items: [] }) : answer(200, view),
    );
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    expect(await api.recognition.recognition(mobilityId)).toEqual(view);
    const decision = { components: [{ code: 'Б1.В.07', recognised: true, homeGrade: '5', homeCredits: 5, note: null }] };
    await api.recognition.recognise(mobilityId, decision);
    const [url, init] = callOf(fetch, 1);
    expect(String(url)).toBe(`http://api.test/api/v1/mobilities/${mobilityId}/recognition`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual(decision);
    expect((await api.recognition.report('2026/2027')).items).toEqual([]);
    expect(String(callOf(fetch, 2)[0])).toBe('http://api.test/api/v1/reports/recognition?academicYear=2026%2F2027');
  });

  it('refuses an answer that does not match the contract', async () => {
    const fetch = vi.fn(async () => answer(200, { mobilityId, transcript: 'none' }));
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    expect(await api.recognition.recognition(mobilityId).catch((error: ApiError) => error.code)).toBe('api_bad_response');
  });
});
