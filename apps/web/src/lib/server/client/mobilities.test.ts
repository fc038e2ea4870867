import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../api';

vi.mock('$env/dynamic/private', () => ({ env: { API_URL: 'http://api.test', JWT_SECRET: 'test-secret', LOG_LEVEL: 'silent' } }));

const mobilityId = '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01';
const itemId = '5b0c3a52-4f0e-4a57-9a53-0d7c1f6d2a10';
const answer = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the mobilities client', () => {
  it('sends the version the user saw with a change, and turns the stale answer into its problem', async () => {
    const fetch = vi.fn(async () => answer(409, { type: 'about:blank', title: 'Stale', status: 409, code: 'stale_version' }));
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    const refused = await api.mobilities.arrive(mobilityId, 3, '2026-09-02').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('stale_version');
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe(`http://api.test/api/v1/mobilities/${mobilityId}/arrival`);
    expect(JSON.parse(String(init.body))).toEqual({ version: 3, date: '2026-09-02' });
  });

  it('patches a checklist step and reads the id of an uploaded proof', async () => {
    const fetch = vi.fn(async (url: URL | RequestInfo) =>
      String(url).endsWith('/documents') ? answer(201, { id: itemId, fileName: 'visa.pdf' }) : answer(200, {}),
    );
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    const proof = new File([new Uint8Array([37, 80, 68, 70])], 'visa.pdf', { type: 'application/pdf' });
    expect(await api.mobilities.uploadProof(mobilityId, itemId, proof)).toEqual({ id: itemId });
    const sent = (fetch.mock.calls[0] as unknown as [URL, RequestInit])[1].body as FormData;
    expect(sent.get('itemId')).toBe(itemId);
    expect((sent.get('file') as File).name).toBe('visa.pdf');
    await api.mobilities.updateChecklistItem(mobilityId, itemId, { status: 'waived', note: 'Not needed' });
    const [url, init] = fetch.mock.calls[1] as unknown as [URL, RequestInit];
    expect(String(url)).toBe(`http://api.test/api/v1/mobilities/${mobilityId}/checklist/${itemId}`);
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(String(init.body))).toEqual({ status: 'waived', note: 'Not needed' });
  });

  it('refuses an upload answer without a document id', async () => {
    const api = createApi({ token: 'tok', clientAddress: null, fetch: vi.fn(async () => answer(201, { ok: true })) });
    await expect(api.mobilities.uploadProof(mobilityId, itemId, new File(['x'], 'x.pdf'))).rejects.toMatchObject({ code: 'api_bad_response' });
  });
});
