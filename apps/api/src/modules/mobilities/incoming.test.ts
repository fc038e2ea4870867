/**
 * The other direction through HTTP: a BUAS student's mobility to PSU, from PSU's approval to
 * the return — a Russian letter, the Russian host's checklist, the host marking its own step.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { nominationsFixture } from '../../test/fixtures/nominations.js';
import { incomingToPsu } from '../../test/fixtures/incoming-psu.js';

const { f } = nominationsFixture();

describe('a BUAS student’s mobility to PSU', () => {
  it('is admitted with a Russian letter, follows the Russian checklist and comes back', async () => {
    const { t, tokens } = f;
    const id = await incomingToPsu(f);
    const student = await t.login('student1@buas.exchange.test');

    const admitted = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/admission`,
      token: tokens.psu,
      payload: { plannedStart: '2026-09-01', plannedEnd: '2026-12-20', programme: 'Russian as a foreign language' },
    });
    expect(admitted.statusCode).toBe(200);
    const mobility = admitted.json();
    const step = (key: string) => mobility.checklist.find((item: { key: string }) => item.key === key);
    // The invitation through the migration authority takes 20–45 working days: due 60 days ahead.
    expect(step('invitation')).toMatchObject({ owner: 'receiving', dueOn: '2026-07-03' });
    expect(step('migration-registration')).toMatchObject({ owner: 'receiving', dueOn: null });

    // The letter is in Russian and English, with the student's names in both scripts.
    const [letter] = mobility.letters;
    const pdf = await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/letters/${letter.id}.pdf`, token: student });
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    expect(text).toContain('Приглашение');
    expect(text).toContain('Zhang Wei');
    expect(text).toContain('张伟');
    expect(text).toContain(letter.code);
    expect((await t.request({ method: 'GET', url: `/api/v1/verify/${letter.code}` })).json()).toMatchObject({ status: 'valid', fullNameLatin: 'Zhang Wei' });

    // Arrival on Tuesday 1 September: migration registration within 7 working days.
    f.now = new Date('2026-12-02T08:00:00Z');
    const arrived = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: tokens.psu, payload: { date: '2026-09-01' } });
    const registration = arrived.json().checklist.find((item: { key: string }) => item.key === 'migration-registration');
    expect(registration.dueOn).toBe('2026-09-10');
    // The host's own step: the home office may not mark it, the host does.
    const byHome = await t.request({
      method: 'PATCH',
      url: `/api/v1/mobilities/${id}/checklist/${registration.id}`,
      token: tokens.buas,
      payload: { status: 'done' },
    });
    expect(byHome.statusCode).toBe(403);
    const done = await t.request({
      method: 'PATCH',
      url: `/api/v1/mobilities/${id}/checklist/${registration.id}`,
      token: tokens.psu,
      payload: { status: 'done' },
    });
    expect(done.json()).toMatchObject({ status: 'done' });

    const funded = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/funding`,
      token: tokens.buas,
      payload: { funding: { source: 'csc', monthlyAmount: 3000, currency: 'CNY' } },
    });
    expect(funded.json().funding).toEqual({ source: 'csc', monthlyAmount: 3000, currency: 'CNY' });
    const back = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/departure`, token: tokens.psu, payload: { date: '2026-11-30' } });
    expect(back.json()).toMatchObject({ status: 'returned', interrupted: false, months: 3 });
    const outgoing = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=outgoing&status=returned&limit=100', token: tokens.buas })).json();
    expect(outgoing.items.map((item: { id: string }) => item.id)).toContain(id);
    const own = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: student })).json();
    expect(own).toMatchObject({ status: 'returned', arrivedOn: '2026-09-01', departedOn: '2026-11-30' });
  });
});
