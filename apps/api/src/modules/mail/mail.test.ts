import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotification, zonedLocalToInstant } from '@exchange/shared';
import { createTestContext, problemOf, readOutbox, type TestContext } from '../../test/helper.js';

const origin = 'https://exchange.example.edu';
let now = new Date();
let t: TestContext;
let psuCoordinator: string;
let callId: string;
const lines: Record<'BUAS' | 'BRI', string> = { BUAS: '', BRI: '' };
const applicationOf: Record<string, string> = {};

/** Students with the Latin spelling of their passport on the application. */
const students = [
  { email: 'student1@psu.exchange.test', name: 'Анна Петрова', latin: 'Anna Petrova' },
  { email: 'student2@psu.exchange.test', name: 'Дмитрий Иванов', latin: 'Dmitrii Ivanov' },
  { email: 'student3@psu.exchange.test', name: 'Мария Смирнова', latin: 'Mariia Smirnova' },
  { email: 'student5@psu.exchange.test', name: 'Екатерина Соколова', latin: 'Ekaterina Sokolova' },
];
/** A local time in Baoji (where BUAS's and BRI's coordinators are) on the day after the setup. */
const baoji = (time: string, dayOffset = 1) => {
  const day = new Date(Date.now() + dayOffset * 86_400_000).toISOString().slice(0, 10);
  return zonedLocalToInstant(`${day}T${time}`, 'Asia/Shanghai');
};
const mailsTo = async (email: string) => (await readOutbox(t.dataDir)).filter((mail) => mail.to === email);

async function nominate(email: string, to: 'BUAS' | 'BRI') {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/nominations',
    token: psuCoordinator,
    payload: { applicationId: applicationOf[email], quotaId: lines[to] },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  t = await createTestContext({
    clock: () => now,
    origin,
    mailFrom: { name: 'PSU International Office', address: 'intl@psu.example.edu' },
  });
  const [psu, buas, bri] = [await t.institutionId('PSU'), await t.institutionId('BUAS'), await t.institutionId('BRI')];
  psuCoordinator = await t.login('coordinator@psu.exchange.test');
  const admin = await t.login('admin@exchange.test');
  const agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: psuCoordinator })).json().items[0].id;
  const quotas = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas?academicYear=2025/2026`, token: psuCoordinator })).json()
    .items;
  const line = (to: string) =>
    quotas.find(
      (q: { sendingInstitutionId: string; receivingInstitutionId: string; mobilityType: string }) =>
        q.sendingInstitutionId === psu && q.receivingInstitutionId === to && q.mobilityType === 'semester',
    ).id;
  [lines.BUAS, lines.BRI] = [line(buas), line(bri)];
  for (const id of Object.values(lines)) await t.request({ method: 'PATCH', url: `/api/v1/quotas/${id}`, token: admin, payload: { seats: 20 } });
  const call = await t.request({
    method: 'POST',
    url: '/api/v1/calls',
    token: psuCoordinator,
    payload: {
      title: { en: 'Mail semester', ru: 'Семестр почты', zh: '邮件学期' },
      academicYear: '2025/2026',
      mobilityType: 'semester',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      maxPreferences: 2,
      requiredDocuments: [],
      quotaIds: Object.values(lines),
      status: 'published',
    },
  });
  expect(call.statusCode).toBe(201);
  callId = call.json().id;
  for (const student of students) {
    const token = await t.login(student.email);
    const draft = (await t.request({ method: 'POST', url: '/api/v1/applications', token, payload: { callId } })).json();
    applicationOf[student.email] = draft.id;
    await t.request({
      method: 'PATCH',
      url: `/api/v1/applications/${draft.id}`,
      token,
      payload: {
        preferences: [{ quotaId: lines.BUAS, rank: 1 }],
        motivation: 'Motivated.',
        gpa: 4.5,
        fullNameLatin: student.latin,
        // The rest of what the border needs, which submission requires (the line to BUAS asks for HSK).
        passportNumber: '75 1234567',
        studyLevel: 6,
        fieldOfStudy: '0716',
        languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
      },
    });
    expect((await t.request({ method: 'POST', url: `/api/v1/applications/${draft.id}/submit`, token })).statusCode).toBe(200);
    await t.request({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/review`,
      token: psuCoordinator,
      payload: { score: 80, eligible: true },
    });
  }
  await t.app.mail.deliverDue();
});
afterAll(() => t?.close());

describe('every mail', () => {
  it('links to the page it is about on the web’s public URL, from the configured sender', async () => {
    const [mail] = await mailsTo('student1@psu.exchange.test');
    // student1 reads Russian.
    expect(mail?.body).toContain(renderNotification('application.submitted', { call: { en: '', ru: 'Семестр почты', zh: '' } }, 'ru').body);
    expect(mail?.body).toContain(`Открыть в системе: ${origin}/applications/${applicationOf['student1@psu.exchange.test']}`);
    expect(mail?.from).toBe('PSU International Office <intl@psu.example.edu>');
  });
});

describe('new nominees for a partner', () => {
  it('come one mail a day by default, at 08:00 in the partner’s zone, in its language, once', async () => {
    now = baoji('07:30');
    const first = await nominate('student1@psu.exchange.test', 'BUAS');
    const second = await nominate('student2@psu.exchange.test', 'BUAS');

    // In the app at once, with the Latin name.
    const buas = await t.login('coordinator@buas.exchange.test');
    const bell = (await t.request({ method: 'GET', url: '/api/v1/notifications', token: buas })).json();
    const received = bell.items.filter((item: { kind: string }) => item.kind === 'nomination.received');
    expect(received).toHaveLength(2);
    expect(renderNotification('nomination.received', received[0].params, 'zh').body).toContain('Дмитрий Иванов (Dmitrii Ivanov)');

    // No mail before the morning.
    expect(await t.app.mail.composeDigests()).toBe(0);
    await t.app.mail.deliverDue();
    expect(await mailsTo('coordinator@buas.exchange.test')).toEqual([]);

    // At 08:05 two instances compose at once: one digest.
    now = baoji('08:05');
    const composed = await Promise.all([t.app.mail.composeDigests(), t.app.mail.composeDigests()]);
    expect(composed[0] + composed[1]).toBe(1);
    expect(await t.app.mail.composeDigests()).toBe(0);
    await t.app.mail.deliverDue();
    const digests = await mailsTo('coordinator@buas.exchange.test');
    expect(digests).toHaveLength(1);
    const body = digests[0]!.body;
    expect(body).toContain('合作院校向贵校新推荐了2名学生');
    expect(body).toContain(`- Анна Петрова (Anna Petrova)，奔萨国立大学：${origin}/nominations/${first}`);
    expect(body).toContain(`- Дмитрий Иванов (Dmitrii Ivanov)，奔萨国立大学：${origin}/nominations/${second}`);
    expect(body).toContain(`在系统中查看：${origin}/nominations?direction=incoming`);

    // A nominee later that day waits for the next morning's digest.
    now = baoji('10:00');
    const third = await nominate('student3@psu.exchange.test', 'BUAS');
    expect(await t.app.mail.composeDigests()).toBe(0);
    now = baoji('07:59', 2);
    expect(await t.app.mail.composeDigests()).toBe(0);
    now = baoji('08:00', 2);
    expect(await t.app.mail.composeDigests()).toBe(1);
    await t.app.mail.deliverDue();
    const next = (await mailsTo('coordinator@buas.exchange.test')).map((mail) => mail.body).find((text) => text !== body);
    expect(next).toContain(`- Мария Смирнова (Mariia Smirnova)，奔萨国立大学：${origin}/nominations/${third}`);
    expect(next).not.toContain('Anna Petrova');
  });

  it('come at once, with the link and the Latin name, to a coordinator who chose so', async () => {
    const bri = await t.login('coordinator@bri.exchange.test');
    const bad = await t.request({ method: 'PATCH', url: '/api/v1/me', token: bri, payload: { nominationMail: 'hourly' } });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors?.map((error) => error.path)).toEqual(['body.nominationMail']);
    const changed = await t.request({ method: 'PATCH', url: '/api/v1/me', token: bri, payload: { nominationMail: 'immediate' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().nominationMail).toBe('immediate');

    const id = await nominate('student5@psu.exchange.test', 'BRI');
    await t.app.mail.deliverDue();
    const [mail] = await mailsTo('coordinator@bri.exchange.test');
    expect(mail?.body).toContain('奔萨国立大学推荐了Екатерина Соколова (Ekaterina Sokolova)');
    expect(mail?.body).toContain(`在系统中查看：${origin}/nominations/${id}`);
    expect(await t.app.mail.composeDigests()).toBe(0);
  });
});
