/**
 * Allocation of a closed call through HTTP: it waits for the close, proposes by score with a
 * reason for each student, refuses a stale proposal and confirms into nominations and a waiting
 * list. The partner's decisions on what it confirms are in `nominations.test.ts`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nominationsFixture } from '../../test/fixtures/nominations.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f } = nominationsFixture();
const { ids, tokens } = f;
let t: TestContext;
let callId: string;
let toBuas: string;
let toBri: string;
beforeAll(() => {
  ({ t, callId, toBuas, toBri } = f);
});

type Outcome = { applicationId: string; placed: { quotaId: string; rank: number } | null; reason: { en: string; ru: string; zh: string } };

describe('allocation', () => {
  let fingerprint: string;

  it('waits for the call to close', async () => {
    const saved = f.now;
    f.now = new Date(Date.now());
    const early = await t.request({ method: 'POST', url: `/api/v1/calls/${callId}/allocation`, token: tokens.psu });
    f.now = saved;
    expect(early.statusCode).toBe(409);
    expect(problemOf(early).code).toBe('call_not_closed');
  });

  it('proposes placements by score with a reason for each student, and changes nothing', async () => {
    const dry = await t.request({ method: 'POST', url: `/api/v1/calls/${callId}/allocation`, token: tokens.psu });
    expect(dry.statusCode).toBe(200);
    fingerprint = dry.json().fingerprint;
    const outcomes: Outcome[] = dry.json().outcomes;
    const of = (email: string) => outcomes.find((outcome) => outcome.applicationId === ids[email])!;
    expect(of('student1@psu.exchange.test').placed).toEqual({ quotaId: toBri, rank: 1 });
    expect(of('student2@psu.exchange.test').placed).toEqual({ quotaId: toBuas, rank: 2 });
    expect(of('student2@psu.exchange.test').reason.en).toBe('Placed at 2nd choice BUAS: 1st choice BRI full, its last seat went to a score of 91.5.');
    expect(of('student3@psu.exchange.test').placed).toBeNull();
    expect(of('student3@psu.exchange.test').reason.en).toBe('Not placed: all 2 choices full; waitlisted 1st for BUAS, waitlisted 1st for BRI.');
    expect(of('student3@psu.exchange.test').reason.ru).toContain('Не размещён');
    const application = await t.request({
      method: 'GET',
      url: `/api/v1/applications/${ids['student1@psu.exchange.test']}`,
      token: tokens.psu,
    });
    expect(application.json().status).toBe('submitted');
  });

  it('refuses to confirm a proposal the data no longer matches', async () => {
    const stale = await t.request({
      method: 'POST',
      url: `/api/v1/calls/${callId}/allocation/confirm`,
      token: tokens.psu,
      payload: { fingerprint: 'not-the-one' },
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('allocation_stale');
  });

  it('confirms: nominations for the placed, the waiting list for the rest, seats taken', async () => {
    const confirmed = await t.request({
      method: 'POST',
      url: `/api/v1/calls/${callId}/allocation/confirm`,
      token: tokens.psu,
      payload: { fingerprint },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().nominationIds).toHaveLength(2);
    for (const id of [toBuas, toBri])
      expect((await t.request({ method: 'GET', url: `/api/v1/quotas/${id}`, token: tokens.psu })).json()).toMatchObject({
        seats: 1,
        used: 1,
        remaining: 0,
      });
    const status = async (email: string) => (await t.request({ method: 'GET', url: `/api/v1/applications/${ids[email]}`, token: tokens.psu })).json().status;
    expect(await status('student1@psu.exchange.test')).toBe('nominated');
    expect(await status('student3@psu.exchange.test')).toBe('waitlisted');
    const bell = (await t.request({ method: 'GET', url: '/api/v1/notifications', token: tokens['student3@psu.exchange.test'] })).json();
    expect(bell.items[0].kind).toBe('application.waitlisted');
  });
});
