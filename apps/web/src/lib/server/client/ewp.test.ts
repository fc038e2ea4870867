import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../api';

vi.mock('$env/dynamic/private', () => ({ env: { API_URL: 'http://api.test', JWT_SECRET: 'test-secret', LOG_LEVEL: 'silent' } }));

const agreementId = '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01';
const [psu, buas] = ['5b0c3a52-4f0e-4a57-9a53-0d7c1f6d2a10', '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f'];

describe('the EWP documents client', () => {
  it('asks for the IIA of one pair and for a mobility’s documents by name', async () => {
    const fetch = vi.fn(async () => new Response('<iias-get-response/>', { status: 200, headers: { 'content-type': 'application/xml' } }));
    const api = createApi({ token: 'tok', clientAddress: null, fetch });
    expect(await (await api.ewp.iiaXml(agreementId, [psu, buas])).text()).toBe('<iias-get-response/>');
    await api.ewp.mobilityXml(agreementId, 'tor.xml');
    const urls = fetch.mock.calls.map((call) => String((call as unknown as [URL])[0]));
    expect(urls).toEqual([
      `http://api.test/api/v1/agreements/${agreementId}/ewp/iia.xml?partners=${encodeURIComponent(`${psu},${buas}`)}`,
      `http://api.test/api/v1/mobilities/${agreementId}/ewp/tor.xml`,
    ]);
  });
});
