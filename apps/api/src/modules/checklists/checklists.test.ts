/**
 * The checklist through HTTP: a host's template, steps marked by their owner side with proofs,
 * and due dates counted in working days across a Chinese and a Russian public holiday.
 */
import { describe, expect, it } from 'vitest';
import { multipart, problemOf, sampleFiles } from '../../test/helper.js';
import { incomingToPsu } from '../../test/fixtures/incoming-psu.js';
import { nominationsFixture } from '../../test/fixtures/nominations.js';

const { f } = nominationsFixture();
const student = 'student1@psu.exchange.test';
type Item = { id: string; key: string; dueOn: string | null; status: string; documentId: string | null };

const title = (en: string) => ({ en, ru: `${en} (ru)`, zh: `${en}（中文）` });
const step = (key: string, extra: object = {}) => ({
  key,
  title: title(key),
  owner: 'receiving',
  dueRule: null,
  minStayDays: null,
  requiresProof: false,
  ...extra,
});

async function approve(applicant: string, quotaId: string, host: string) {
  const { t, tokens } = f;
  const created = (
    await t.request({ method: 'POST', url: '/api/v1/nominations', token: tokens.psu, payload: { applicationId: f.ids[applicant], quotaId } })
  ).json();
  await t.request({ method: 'POST', url: `/api/v1/nominations/${created.id}/approve`, token: tokens[host]!, payload: { proposalId: created.proposalId } });
  const incoming = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming', token: tokens[host]! })).json();
  return incoming.items.find((m: { nominationId: string }) => m.nominationId === created.id).id as string;
}

async function admit(id: string, host: string) {
  const admitted = await f.t.request({
    method: 'POST',
    url: `/api/v1/mobilities/${id}/admission`,
    token: f.tokens[host]!,
    payload: { plannedStart: '2026-09-01', plannedEnd: '2026-12-20', programme: 'Language' },
  });
  expect(admitted.statusCode).toBe(200);
  return admitted.json().checklist as Item[];
}

describe('the checklist of a PSU student at BUAS', () => {
  let id = '';
  let items: Item[] = [];
  const item = (key: string) => items.find((entry) => entry.key === key)!;
  const mark = (key: string, token: string | undefined, payload: object) =>
    f.t.request({ method: 'PATCH', url: `/api/v1/mobilities/${id}/checklist/${item(key).id}`, token, payload });
  const upload = (token: string | undefined, file = { name: 'visa.pdf', content: sampleFiles.pdf }) =>
    f.t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/documents`, token, ...multipart({}, file) });

  it('lets the host keep its template, validated, and nobody else change it', async () => {
    const { t, tokens } = f;
    const url = `/api/v1/institutions/${f.buas}/checklist-template`;
    const current = (await t.request({ method: 'GET', url, token: tokens.bri })).json();
    expect(current.steps.map((s: { key: string }) => s.key)).toContain('police-registration');
    expect((await t.request({ method: 'GET', url, token: tokens[student]! })).statusCode).toBe(403);
    const steps = [...current.steps, step('university-registration', { dueRule: { anchor: 'arrival', days: 5, unit: 'working' } })];
    expect((await t.request({ method: 'PUT', url, token: tokens.psu, payload: { steps } })).statusCode).toBe(403);
    const twice = await t.request({ method: 'PUT', url, token: tokens.buas, payload: { steps: [...steps, step('visa')] } });
    expect(problemOf(twice).errors?.[0]?.path).toContain('key');
    const farAway = await t.request({
      method: 'PUT',
      url,
      token: tokens.buas,
      payload: { steps: [step('x', { dueRule: { anchor: 'start', days: -400, unit: 'calendar' } })] },
    });
    expect(farAway.statusCode).toBe(400);
    const saved = await t.request({ method: 'PUT', url, token: tokens.buas, payload: { steps } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().steps.at(-1)).toMatchObject({ key: 'university-registration', owner: 'receiving' });
    expect((await t.request({ method: 'GET', url, token: tokens.buas })).json().steps).toEqual(saved.json().steps);
  });

  it('copies the template at admission; a later edit leaves the mobility’s steps alone', async () => {
    id = await approve(student, f.toBuas, 'buas');
    items = await admit(id, 'buas');
    expect(items.map((entry) => entry.key)).toContain('university-registration');
    const url = `/api/v1/institutions/${f.buas}/checklist-template`;
    expect((await f.t.request({ method: 'PUT', url, token: f.tokens.admin, payload: { steps: [step('only-one')] } })).statusCode).toBe(200);
    const view = (await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: f.tokens.psu })).json();
    expect(view.checklist.map((entry: Item) => entry.key)).toEqual(items.map((entry) => entry.key));
  });

  it('marks a step needing proof done only with a document of this mobility', async () => {
    const { t, tokens } = f;
    const bare = await mark('visa', tokens[student]!, { status: 'done' });
    expect(bare.statusCode).toBe(422);
    expect(problemOf(bare).code).toBe('proof_required');
    const stranger = await mark('visa', tokens[student]!, { status: 'done', documentId: '00000000-0000-4000-8000-000000000000' });
    expect(problemOf(stranger).code).toBe('unknown_document');
    expect(problemOf(await upload(tokens[student]!, { name: 'visa.pdf', content: sampleFiles.exe })).code).toBe('unsupported_file_type');
    const proof = await upload(tokens[student]!);
    expect(proof.statusCode).toBe(201);
    const documentId = proof.json().id;
    const done = await mark('visa', tokens[student]!, { status: 'done', documentId });
    expect(done.json()).toMatchObject({ status: 'done', documentId });
    const file = await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/documents/${documentId}`, token: tokens.buas });
    expect(file.rawPayload.equals(sampleFiles.pdf)).toBe(true);
    expect((await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/documents/${documentId}`, token: tokens.bri })).statusCode).toBe(404);
    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityId=${item('visa').id}`, token: tokens.admin })).json();
    expect(audit.items.map((entry: { action: string }) => entry.action)).toContain('checklist.done');
  });

  it('lets only the owner side mark a step; a stranger is told nothing exists', async () => {
    const { tokens } = f;
    expect((await mark('insurance', tokens.psu, { status: 'done' })).statusCode).toBe(403);
    expect((await mark('jw202', tokens[student]!, { status: 'done' })).statusCode).toBe(403);
    expect((await mark('jw202', tokens.bri, { status: 'done' })).statusCode).toBe(404);
    expect((await mark('jw202', tokens['student2@psu.exchange.test']!, { status: 'done' })).statusCode).toBe(404);
    expect((await mark('jw202', tokens.buas, { status: 'waived' })).statusCode).toBe(400);
    expect((await mark('jw202', tokens.buas, { status: 'waived', note: 'Issued on paper' })).json()).toMatchObject({
      status: 'waived',
      note: 'Issued on paper',
    });
    expect((await mark('jw202', tokens.buas, { status: 'open' })).json()).toMatchObject({ status: 'open', note: null });
  });

  it('counts the host’s working days across China’s National Day (Oct 1–7, Saturday Oct 10 worked)', async () => {
    f.now = new Date('2026-12-02T08:00:00Z');
    const arrived = await f.t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: f.tokens.buas, payload: { date: '2026-09-30' } });
    const registration = arrived.json().checklist.find((entry: Item) => entry.key === 'university-registration');
    // Oct 8, 9, Saturday 10, 12, 13; counting weekends only it would be Oct 7.
    expect(registration.dueOn).toBe('2026-10-13');
  });
});

describe('a PSU host’s due dates', () => {
  it('count Russian working days across Unity Day (Nov 4)', async () => {
    const { t, tokens } = f;
    const id = await incomingToPsu(f);
    await admit(id, 'psu');
    f.now = new Date('2026-12-02T08:00:00Z');
    const arrived = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: tokens.psu, payload: { date: '2026-11-02' } });
    expect(arrived.statusCode).toBe(200);
    // Migration registration within 7 working days: Nov 3, 5, 6, 9, 10, 11, 12 (Nov 11 without the holiday).
    expect(arrived.json().checklist.find((entry: Item) => entry.key === 'migration-registration').dueOn).toBe('2026-11-12');
  });
});

describe('a cancelled mobility', () => {
  it('takes no more checklist changes or documents', async () => {
    const { t, tokens } = f;
    const id = await approve('student2@psu.exchange.test', f.toBri, 'bri');
    const [first] = await admit(id, 'bri');
    expect((await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/cancel`, token: tokens.psu, payload: { reason: 'Withdrew' } })).statusCode).toBe(
      200,
    );
    const late = await t.request({
      method: 'PATCH',
      url: `/api/v1/mobilities/${id}/checklist/${first!.id}`,
      token: tokens.admin,
      payload: { status: 'waived', note: 'x' },
    });
    expect(problemOf(late).code).toBe('mobility_cancelled');
    const upload = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/documents`,
      token: tokens.psu,
      ...multipart({}, { name: 'a.pdf', content: sampleFiles.pdf }),
    });
    expect(upload.statusCode).toBe(409);
  });
});
