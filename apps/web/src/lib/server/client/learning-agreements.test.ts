import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../api';

vi.mock('$env/dynamic/private', () => ({ env: { API_URL: 'http://api.test', JWT_SECRET: 'test-secret', LOG_LEVEL: 'silent' } }));

const mobilityId = '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01';
const proposalId = '5b0c3a52-4f0e-4a57-9a53-0d7c1f6d2a10';
const answer = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const empty = { mobilityId, status: 'none', inForce: null, pending: null, draft: null, history: [] };

describe('the learning agreements client', () => {
  it('signs the proposal the page showed, and turns the stale answer into its problem', async () => {
    const fetch = vi.fn(async () => answer(409, { type: 'about:blank', title: 'Stale', status: 409, code: 'stale_proposal', proposalId: null }));
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    const refused = await api.learningAgreements.approve(mobilityId, proposalId).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('stale_proposal');
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe(`http://api.test/api/v1/mobilities/${mobilityId}/learning-agreement/approve`);
    expect(JSON.parse(String(init.body))).toEqual({ proposalId });
  });

  it('saves the draft with PUT, sends back with a comment, and asks for the PDF in a language', async () => {
    const fetch = vi.fn(async (url: URL | RequestInfo) =>
      String(url).includes('.pdf') ? new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } }) : answer(200, empty),
    );
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    expect(await api.learningAgreements.saveDraft(mobilityId, { studied: [], recognised: [] })).toMatchObject({ status: 'none' });
    expect((fetch.mock.calls[0] as unknown as [URL, RequestInit])[1].method).toBe('PUT');
    await api.learningAgreements.sendBack(mobilityId, proposalId, 'Добавьте код');
    const [url, init] = fetch.mock.calls[1] as unknown as [URL, RequestInit];
    expect(String(url)).toBe(`http://api.test/api/v1/mobilities/${mobilityId}/learning-agreement/comment`);
    expect(JSON.parse(String(init.body))).toEqual({ proposalId, comment: 'Добавьте код' });
    const pdf = await api.learningAgreements.pdf(mobilityId, 'zh');
    expect(await pdf.text()).toBe('%PDF-1.7');
    expect(String((fetch.mock.calls[2] as unknown as [URL])[0])).toBe(`http://api.test/api/v1/mobilities/${mobilityId}/learning-agreement.pdf?locale=zh`);
  });
});
