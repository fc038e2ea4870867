import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../api';

vi.mock('$env/dynamic/private', () => ({ env: { API_URL: 'http://api.test', JWT_SECRET: 'test-secret', LOG_LEVEL: 'silent' } }));

const institutionId = '7a3c1d2e-1b2c-4d5e-8f90-1a2b3c4d5e6f';
const partnerId = '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01';
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const callOf = (fetch: ReturnType<typeof vi.fn>, index: number) => fetch.mock.calls[index] as unknown as [URL, RequestInit];

describe('the grading client', () => {
  it('saves the scale and the credit unit with PUT, and a conversion table between two institutions', async () => {
    const grading = {
      institutionId,
      gradeScale: { numeric: { min: 0, max: 100, passFrom: 60 }, grades: [{ value: '合格', passing: true }] },
      creditUnit: { name: '学分', ectsFactor: 1.5 },
    };
    const fetch = vi.fn(async (url: URL | RequestInfo) =>
      String(url).includes('/grade-conversions/')
        ? answer(200, { fromInstitutionId: institutionId, toInstitutionId: partnerId, rules: [], updatedAt: null })
        : answer(200, grading),
    );
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    const { institutionId: _, ...body } = grading;
    expect(await api.grading.saveGrading(institutionId, body)).toEqual(grading);
    expect(callOf(fetch, 0)[1].method).toBe('PUT');
    expect(String(callOf(fetch, 0)[0])).toBe(`http://api.test/api/v1/institutions/${institutionId}/grading`);
    const rules = [{ from: { min: 86, max: 100 }, to: '5' }];
    await api.grading.saveConversion(institutionId, partnerId, rules);
    const [url, init] = callOf(fetch, 1);
    expect(String(url)).toBe(`http://api.test/api/v1/grade-conversions/${institutionId}/${partnerId}`);
    expect(JSON.parse(String(init.body))).toEqual({ rules });
    expect((await api.grading.conversion(institutionId, partnerId)).rules).toEqual([]);
  });
});

describe('the grading client, refused', () => {
  it('hands the lines of an overlapping table to the page', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Overlap',
      status: 422,
      code: 'overlapping_band',
      errors: [{ path: 'body.rules.1.from', code: 'overlapping_band', message: 'This band overlaps an earlier one' }],
    };
    const fetch = vi.fn(async () => answer(422, problem));
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    const rules = [
      { from: { min: 80, max: 100 }, to: '5' },
      { from: { min: 60, max: 85 }, to: '4' },
    ];
    const refused = await api.grading.saveConversion(institutionId, partnerId, rules).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).fieldErrors[0]).toMatchObject({ path: 'body.rules.1.from', code: 'overlapping_band' });
  });
});
