import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
let psuCoordinator: string;
let buasCoordinator: string;
let admin: string;
const students: Record<string, string> = {};
const centreOf: Record<string, string> = {};

const day = 24 * 60 * 60 * 1000;
// Whole minutes, as people type them.
const inDays = (days: number, hours = 0) => new Date(Math.floor((Date.now() + days * day + hours * 3600 * 1000) / 60_000) * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestContext();
  [psuCoordinator, buasCoordinator, admin] = await Promise.all([
    t.login('coordinator@psu.exchange.test'),
    t.login('coordinator@buas.exchange.test'),
    t.login('admin@exchange.test'),
  ]);
  for (const email of [
    'student1@psu.exchange.test',
    'student2@psu.exchange.test',
    'student3@psu.exchange.test',
    'student4@psu.exchange.test',
    'student5@psu.exchange.test',
    'student1@buas.exchange.test',
    'student2@buas.exchange.test',
  ]) {
    students[email.replace('@', '.').split('.').slice(0, 2).join('@')] = await t.login(email);
  }
  const centres = (await t.request({ method: 'GET', url: '/api/v1/centres' })).json().items as { id: string; institutionId: string }[];
  for (const code of ['PSU', 'BUAS', 'BRI'] as const) {
    const institutionId = await t.institutionId(code);
    centreOf[code] = centres.find((centre) => centre.institutionId === institutionId)!.id;
  }
});
afterAll(() => t?.close());

const student = (name: string) => students[name]!;

type EventBody = Record<string, unknown>;
async function createEvent(token: string, body: EventBody = {}, publish = true) {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/events',
    token,
    payload: {
      centreId: centreOf.PSU,
      title: { en: 'Test evening', ru: 'Тестовый вечер', zh: '测试之夜' },
      description: { en: '', ru: '', zh: '' },
      startsAt: inDays(7),
      endsAt: inDays(7, 2),
      venue: 'Room 1',
      capacity: 2,
      ...body,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const event = response.json();
  if (publish) {
    const published = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/publish`, token });
    expect(published.statusCode, published.body).toBe(200);
    return published.json();
  }
  return event;
}

const register = (eventId: string, token: string) => t.request({ method: 'POST', url: `/api/v1/events/${eventId}/registrations`, token });
const unregister = (eventId: string, token: string) => t.request({ method: 'DELETE', url: `/api/v1/events/${eventId}/registrations/me`, token });
const mine = (eventId: string, token: string) => t.request({ method: 'GET', url: `/api/v1/events/${eventId}/registrations/me`, token });
const eventOf = async (eventId: string, token?: string) => (await t.request({ method: 'GET', url: `/api/v1/events/${eventId}`, ...(token && { token }) })).json();
const notificationsOf = async (token: string) =>
  (await t.request({ method: 'GET', url: '/api/v1/notifications', token })).json().items as { kind: string; params: Record<string, unknown> }[];

describe('centres and the public programme', () => {
  it('lists one centre per party, and upcoming published events to anyone', async () => {
    expect(Object.values(centreOf).filter(Boolean)).toHaveLength(3);
    const response = await t.request({ method: 'GET', url: '/api/v1/events' });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(page.items.every((event: { status: string }) => event.status === 'published')).toBe(true);
    const starts = page.items.map((event: { startsAt: string }) => Date.parse(event.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts.every((start: number) => start > Date.now())).toBe(true);
  });

  it('filters by centre and by the language of the title, and pages', async () => {
    const bri = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf.BRI}` })).json();
    expect(bri.items.length).toBeGreaterThan(0);
    expect(bri.items.every((event: { centreId: string }) => event.centreId === centreOf.BRI)).toBe(true);
    // The seeded museum visit has no English title: it falls out of lang=en.
    const english = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf.BRI}&lang=en` })).json();
    expect(english.total).toBe(bri.total - 1);
    const firstPage = (await t.request({ method: 'GET', url: '/api/v1/events?limit=2' })).json();
    const secondPage = (await t.request({ method: 'GET', url: '/api/v1/events?limit=2&offset=2' })).json();
    expect(firstPage.items).toHaveLength(2);
    expect(secondPage.items[0].id).not.toBe(firstPage.items[1].id);
    expect(firstPage.total).toBe(secondPage.total);
  });

  it('lets only the admin open a centre', async () => {
    const body = { institutionId: await t.institutionId('BRI'), name: { en: 'Chinese opera club', ru: 'Клуб китайской оперы', zh: '秦腔俱乐部' } };
    expect((await t.request({ method: 'POST', url: '/api/v1/centres', token: psuCoordinator, payload: body })).statusCode).toBe(403);
    const created = await t.request({ method: 'POST', url: '/api/v1/centres', token: admin, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ institutionId: body.institutionId, name: body.name });
  });
});

describe('running events', () => {
  it('keeps drafts to the centre’s coordinators, and publishes', async () => {
    const draft = await createEvent(psuCoordinator, {}, false);
    expect(draft.status).toBe('draft');
    expect(draft.timeZone).toBe('Europe/Moscow');
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}`, token: buasCoordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}`, token: psuCoordinator })).statusCode).toBe(200);
    const anyStatus = (await t.request({ method: 'GET', url: `/api/v1/events?status=any&centreId=${centreOf.PSU}`, token: psuCoordinator })).json();
    expect(anyStatus.items.map((event: { id: string }) => event.id)).toContain(draft.id);
    expect((await register(draft.id, student('student1@psu'))).statusCode).toBe(404);

    // Another institution's coordinator: 404, exactly like a missing event.
    const foreign = await t.request({ method: 'POST', url: `/api/v1/events/${draft.id}/publish`, token: buasCoordinator });
    expect(foreign.statusCode).toBe(404);
    const published = await t.request({ method: 'POST', url: `/api/v1/events/${draft.id}/publish`, token: psuCoordinator });
    expect(published.json().status).toBe('published');
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}` })).statusCode).toBe(200);
  });

  it('refuses events at a centre one does not run, and students', async () => {
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      token: buasCoordinator,
      payload: { centreId: centreOf.PSU, title: { en: 'x', ru: '', zh: '' }, startsAt: inDays(3), endsAt: inDays(3, 1), venue: 'x', capacity: 5 },
    });
    expect(foreign.statusCode).toBe(422);
    expect(problemOf(foreign).code).toBe('centre_not_found');
    const byStudent = await t.request({ method: 'POST', url: '/api/v1/events', token: student('student1@psu'), payload: {} });
    expect(byStudent.statusCode).toBe(403);
    const backwards = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      token: psuCoordinator,
      payload: { centreId: centreOf.PSU, title: { en: 'x', ru: '', zh: '' }, startsAt: inDays(3, 1), endsAt: inDays(3), venue: 'x', capacity: 5 },
    });
    expect(backwards.statusCode).toBe(400);
  });
});

describe('registration', () => {
  it('confirms while seats remain, then waitlists in order; a second attempt returns the existing one', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 2 });
    const first = await register(event.id, student('student1@psu'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'confirmed', position: null });
    expect(first.json().checkInCode).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const again = await register(event.id, student('student1@psu'));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    expect((await register(event.id, student('student2@psu'))).json()).toMatchObject({ status: 'confirmed' });
    expect((await register(event.id, student('student3@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await register(event.id, student('student4@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(await eventOf(event.id)).toMatchObject({ confirmedCount: 2, waitlistCount: 2 });

    // A confirmed person leaves: the head of the waiting list takes the seat, once, and is told.
    expect((await unregister(event.id, student('student1@psu'))).statusCode).toBe(204);
    expect((await mine(event.id, student('student3@psu'))).json()).toMatchObject({ status: 'confirmed', position: null });
    expect((await mine(event.id, student('student4@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await eventOf(event.id)).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    const promoted = (await notificationsOf(student('student3@psu'))).filter((n) => n.kind === 'event.promoted' && n.params.eventId === event.id);
    expect(promoted).toHaveLength(1);
    expect((await notificationsOf(student('student4@psu'))).some((n) => n.kind === 'event.promoted' && n.params.eventId === event.id)).toBe(false);
    expect((await mine(event.id, student('student1@psu'))).statusCode).toBe(404);
    expect((await unregister(event.id, student('student1@psu'))).statusCode).toBe(404);

    // A waiting person who leaves moves the others up; nobody is promoted.
    expect((await register(event.id, student('student5@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 2 });
    expect((await unregister(event.id, student('student4@psu'))).statusCode).toBe(204);
    expect((await mine(event.id, student('student5@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await eventOf(event.id)).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });

    // Registering again after cancelling goes to the end of the queue.
    expect((await register(event.id, student('student1@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('raises capacity by promoting from the waiting list, and refuses to go below the confirmed count', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 2 });
    for (const name of ['student1@psu', 'student2@psu', 'student3@psu', 'student4@psu']) await register(event.id, student(name));
    const lower = await t.request({ method: 'PATCH', url: `/api/v1/events/${event.id}`, token: psuCoordinator, payload: { capacity: 1 } });
    expect(lower.statusCode).toBe(409);
    expect(problemOf(lower).code).toBe('capacity_below_confirmed');
    const raise = await t.request({ method: 'PATCH', url: `/api/v1/events/${event.id}`, token: psuCoordinator, payload: { capacity: 3 } });
    expect(raise.statusCode).toBe(200);
    expect(raise.json()).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1 });
    expect((await mine(event.id, student('student3@psu'))).json().status).toBe('confirmed');
    expect((await mine(event.id, student('student4@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    const venue = { ru: 'Ауд. 2', zh: '2号教室', en: 'Room 2' };
    const same = await t.request({ method: 'PATCH', url: `/api/v1/events/${event.id}`, token: psuCoordinator, payload: { capacity: 3, venue } });
    expect(same.json()).toMatchObject({ capacity: 3, venue, confirmedCount: 3 });
    // The calendar names the place in the feed's language.
    const feed = (lang: string) => t.request({ method: 'GET', url: `/api/v1/events/${event.id}/calendar.ics?lang=${lang}` });
    expect((await feed('zh')).body).toContain('LOCATION:2号教室');
    // A new place is announced to everyone registered, once.
    for (const name of ['student1@psu', 'student4@psu']) {
      expect((await notificationsOf(student(name))).filter((n) => n.kind === 'event.changed' && n.params.eventId === event.id)).toHaveLength(1);
    }
  });

  it('says clearly when registration is closed or not yet open', async () => {
    const closed = await createEvent(psuCoordinator, { registrationOpensAt: inDays(-3), registrationClosesAt: inDays(-1) });
    const refused = await register(closed.id, student('student1@psu'));
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).code).toBe('registration_closed');
    const early = await createEvent(psuCoordinator, { registrationOpensAt: inDays(2) });
    const notYet = await register(early.id, student('student1@psu'));
    expect(problemOf(notYet).code).toBe('registration_not_open');
  });

  it('says clearly when the event is full and has no waiting list', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1, waitlistEnabled: false });
    expect((await register(event.id, student('student1@psu'))).statusCode).toBe(201);
    const full = await register(event.id, student('student2@psu'));
    expect(full.statusCode).toBe(409);
    expect(problemOf(full).code).toBe('event_full');
  });

  it('refuses a student of another institution when the event is for PSU students only', async () => {
    const event = await createEvent(psuCoordinator, { audience: { institutionIds: [await t.institutionId('PSU')] } });
    const refused = await register(event.id, student('student1@buas'));
    expect(refused.statusCode).toBe(403);
    expect(problemOf(refused).code).toBe('not_in_audience');
    expect((await register(event.id, student('student1@psu'))).statusCode).toBe(201);
    // The seeded tea ceremony is for PSU students only, too.
    const seeded = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf.PSU}&limit=100` })).json().items.find(
      (item: { audience: { institutionIds: string[] } }) => item.audience.institutionIds.length === 1,
    );
    expect(problemOf(await register(seeded.id, student('student2@buas'))).code).toBe('not_in_audience');
  });

  it('cancelling an event tells everyone registered and closes registration', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1 });
    await register(event.id, student('student1@buas'));
    await register(event.id, student('student2@buas'));
    expect((await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, token: buasCoordinator })).statusCode).toBe(404);
    const cancelled = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, token: psuCoordinator });
    expect(cancelled.json().status).toBe('cancelled');
    for (const name of ['student1@buas', 'student2@buas']) {
      expect((await notificationsOf(student(name))).filter((n) => n.kind === 'event.cancelled' && n.params.eventId === event.id)).toHaveLength(1);
    }
    const late = await register(event.id, student('student3@psu'));
    expect(late.statusCode).toBe(409);
    expect(problemOf(late).code).toBe('event_cancelled');
    const edit = await t.request({ method: 'PATCH', url: `/api/v1/events/${event.id}`, token: psuCoordinator, payload: { capacity: 5 } });
    expect(problemOf(edit).code).toBe('event_cancelled');
    // The e-mail went to the outbox in the reader's language.
    const outbox = await t.database.rows<{ subject: string }>(`select subject from mail_outbox where subject like '%测试之夜%'`);
    expect(outbox.length).toBeGreaterThanOrEqual(2);
  });
});

describe('at the door', () => {
  it('checks in by QR code or by name, refuses forged codes, and hides registrations from other centres', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1 });
    const confirmed = (await register(event.id, student('student1@buas'))).json();
    const waiting = (await register(event.id, student('student2@buas'))).json();

    const list = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations?q=张`, token: psuCoordinator });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ fullName: '张伟', status: 'confirmed' });
    expect(list.json().items[0].checkInCode).toBeUndefined();
    expect(list.json().counts).toMatchObject({ confirmed: 1, waitlisted: 1, checkedIn: 0 });

    // Another centre's coordinator, and a missing event: the same 404.
    const foreign = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations`, token: buasCoordinator });
    const missing = await t.request({ method: 'GET', url: '/api/v1/events/00000000-0000-4000-8000-000000000000/registrations', token: buasCoordinator });
    expect(foreign.statusCode).toBe(404);
    expect(problemOf(foreign).code).toBe(problemOf(missing).code);
    expect(problemOf(foreign).detail).toBe(problemOf(missing).detail);
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.csv`, token: buasCoordinator })).statusCode).toBe(404);

    const forged = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/check-in`, token: psuCoordinator, payload: { code: `${confirmed.checkInCode.slice(0, -2)}xx` } });
    expect(forged.statusCode).toBe(422);
    expect(problemOf(forged).code).toBe('invalid_check_in_code');
    const byId = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/check-in`, token: psuCoordinator, payload: { code: confirmed.id } });
    expect(problemOf(byId).code).toBe('invalid_check_in_code');

    const scanned = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/check-in`, token: psuCoordinator, payload: { code: confirmed.checkInCode } });
    expect(scanned.statusCode).toBe(200);
    expect(scanned.json()).toMatchObject({ id: confirmed.id, fullName: '张伟', alreadyCheckedIn: false });
    expect(scanned.json().checkedInAt).toBeTruthy();
    const twice = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/registrations/${confirmed.id}/check-in`, token: psuCoordinator });
    expect(twice.json()).toMatchObject({ alreadyCheckedIn: true, checkedInAt: scanned.json().checkedInAt });
    const notConfirmed = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/registrations/${waiting.id}/check-in`, token: psuCoordinator });
    expect(notConfirmed.statusCode).toBe(409);
    expect(problemOf(notConfirmed).code).toBe('registration_waitlisted');
    // A code of this event is worthless at another.
    const other = await createEvent(psuCoordinator);
    expect(problemOf(await t.request({ method: 'POST', url: `/api/v1/events/${other.id}/check-in`, token: psuCoordinator, payload: { code: confirmed.checkInCode } })).code).toBe(
      'invalid_check_in_code',
    );
    // Only the hash of the code is kept.
    const stored = await t.database.rows<{ check_in_token_hash: string }>('select check_in_token_hash from registrations where id = $1', [confirmed.id]);
    expect(stored[0]!.check_in_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.check_in_token_hash).not.toContain(confirmed.checkInCode);

    const attendance = await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf.PSU}/attendance?from=${encodeURIComponent(inDays(-1))}&to=${encodeURIComponent(inDays(60))}`, token: psuCoordinator });
    expect(attendance.statusCode).toBe(200);
    expect(attendance.json().items.find((row: { eventId: string }) => row.eventId === event.id)).toMatchObject({ confirmed: 1, waitlisted: 1, checkedIn: 1 });
    expect(attendance.json().totals.checkedIn).toBeGreaterThanOrEqual(1);
    expect((await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf.PSU}/attendance`, token: buasCoordinator })).statusCode).toBe(404);
  });

  it('exports registrations as spreadsheet-safe CSV and as XLSX', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: psuCoordinator,
      payload: { email: 'formula@psu.exchange.test', fullName: '=HYPERLINK("http://evil.example","x")', role: 'student', institutionId: await t.institutionId('PSU'), password: 'Penza-Baoji-Formula-2026' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const formula = await t.login('formula@psu.exchange.test', 'Penza-Baoji-Formula-2026');
    const event = await createEvent(psuCoordinator, { capacity: 5 });
    await register(event.id, formula);
    await register(event.id, student('student1@psu'));

    const csv = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.csv`, token: psuCoordinator });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.body).toContain('Анна Петрова');

    const xlsx = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.xlsx`, token: psuCoordinator });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toContain('Анна Петрова');
    // Written as a string, not as a formula.
    expect(sheet.getCell('A2').formula).toBeUndefined();
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://evil.example","x")');

    // In the reader's language: headers and statuses; times at the venue, with its zone's name and offset.
    const header = (body: string) => body.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header(csv.body)).toBe('"Full name","E-mail","Institution","Status","Waiting-list position","Registered","Checked in"');
    expect(csv.body).toContain('"Confirmed"');
    const russian = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.csv`, token: psuCoordinator, headers: { 'accept-language': 'ru' } });
    expect(header(russian.body)).toBe('"ФИО","Эл. почта","Вуз","Статус","Место в листе ожидания","Зарегистрирован(а)","Отметка о приходе"');
    expect(russian.body).toContain('"Подтверждено"');
    const chinese = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.csv?lang=zh`, token: psuCoordinator });
    expect(header(chinese.body)).toBe('"姓名","电子邮箱","院校","状态","候补顺位","报名时间","签到时间"');
    expect(chinese.body).toContain('"已确认"');
    expect(chinese.body).toMatch(new RegExp(`"\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}（${event.timeZone === 'Asia/Shanghai' ? '北京时间，UTC\\+8' : '莫斯科时间，UTC\\+3'}）"`));
    const russianBook = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.xlsx`, token: psuCoordinator, headers: { 'accept-language': 'ru' } });
    const russianWorkbook = new ExcelJS.Workbook();
    await russianWorkbook.xlsx.load(russianBook.rawPayload as unknown as ArrayBuffer);
    expect(russianWorkbook.worksheets[0]!.name).toBe('Регистрации');
    expect(russianWorkbook.worksheets[0]!.getCell('A1').value).toBe('ФИО');
  });
});

describe('calendars', () => {
  type ParsedEvent = { uid: string; summary: string; start: Date; end: Date; zone: string; status: string };
  function parse(text: string): ParsedEvent[] {
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return calendar.getAllSubcomponents('vevent').map((component) => {
      const vevent = new ICAL.Event(component);
      return {
        uid: vevent.uid,
        summary: vevent.summary,
        start: vevent.startDate.toJSDate(),
        end: vevent.endDate.toJSDate(),
        zone: vevent.startDate.zone?.tzid ?? '',
        status: String(component.getFirstPropertyValue('status')),
      };
    });
  }

  it('serves a centre’s feed that a third-party parser reads, with the right instants in both zones', async () => {
    for (const code of ['PSU', 'BUAS'] as const) {
      const response = await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf[code]}/events.ics?lang=ru` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/calendar');
      const zone = code === 'PSU' ? 'Europe/Moscow' : 'Asia/Shanghai';
      expect(response.body).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}`);
      expect(response.body.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
      const parsed = parse(response.body);
      const api = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf[code]}&limit=100` })).json().items as { id: string; startsAt: string; endsAt: string; title: { ru: string } }[];
      expect(api.length).toBeGreaterThan(0);
      for (const item of api) {
        const found = parsed.find((entry) => entry.uid === `${item.id}@exchange.penza-baoji`);
        expect(found, item.id).toBeDefined();
        expect(found!.start.getTime()).toBe(Date.parse(item.startsAt));
        expect(found!.end.getTime()).toBe(Date.parse(item.endsAt));
        expect(found!.zone).toBe(zone);
        expect(found!.summary).toBe(item.title.ru);
      }
      // Local wall-clock time is written in the venue's zone.
      const first = api[0]!;
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(first.startsAt)).replace(':', '');
      expect(response.body).toMatch(new RegExp(`DTSTART;TZID=${zone}:\\d{8}T${local}00`));
    }
  });

  it('keeps UIDs stable and marks cancelled events', async () => {
    const event = await createEvent(psuCoordinator, { title: { en: 'Calendar test; with, commas', ru: '', zh: '' } });
    const before = parse((await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf.PSU}/events.ics` })).body).find((entry) => entry.uid.startsWith(event.id))!;
    expect(before.summary).toBe('Calendar test; with, commas');
    expect(before.status).toBe('CONFIRMED');
    await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, token: psuCoordinator });
    const after = parse((await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf.PSU}/events.ics` })).body).find((entry) => entry.uid.startsWith(event.id))!;
    expect(after.uid).toBe(before.uid);
    expect(after.status).toBe('CANCELLED');
    const single = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/calendar.ics` });
    expect(parse(single.body)).toHaveLength(1);
  });

  it('gives each person an unguessable personal feed of their registrations', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1 });
    await register(event.id, student('student2@psu'));
    const feed = await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: student('student2@psu'), payload: {} });
    expect(feed.statusCode).toBe(200);
    const { token, path } = feed.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: student('student2@psu'), payload: {} })).json().token).toBe(token);
    const personal = await t.request({ method: 'GET', url: `/api/v1${path}` });
    expect(personal.statusCode).toBe(200);
    expect(parse(personal.body).map((entry) => entry.uid)).toContain(`${event.id}@exchange.penza-baoji`);
    expect((await t.request({ method: 'GET', url: `/api/v1/calendar-feeds/${token.slice(0, -3)}abc/events.ics` })).statusCode).toBe(404);
    const stored = await t.database.rows<{ token_hash: string }>('select token_hash from calendar_feeds');
    expect(stored.some((row) => row.token_hash === token)).toBe(false);
    // Rotating kills the old address.
    const rotated = (await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: student('student2@psu'), payload: { rotate: true } })).json();
    expect(rotated.token).not.toBe(token);
    expect((await t.request({ method: 'GET', url: `/api/v1${path}` })).statusCode).toBe(404);
  });
});
