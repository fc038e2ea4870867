import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsFixture, inDays } from '../../test/fixtures/events.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f, student, createEvent, register, unregister, mine, eventOf, notificationsOf } = eventsFixture();
let t: TestContext;
let psuCoordinator: string;
let centreOf: Record<string, string>;
beforeAll(() => {
  ({ t, psuCoordinator, centreOf } = f);
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
    const seeded = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf.PSU}&limit=100` }))
      .json()
      .items.find((item: { audience: { institutionIds: string[] } }) => item.audience.institutionIds.length === 1);
    expect(problemOf(await register(seeded.id, student('student2@buas'))).code).toBe('not_in_audience');
  });
});

describe('the registrations list', () => {
  it('exports registrations as spreadsheet-safe CSV and as XLSX', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: psuCoordinator,
      payload: {
        email: 'formula@psu.exchange.test',
        fullName: '=HYPERLINK("http://evil.example","x")',
        role: 'student',
        institutionId: await t.institutionId('PSU'),
        password: 'Penza-Baoji-Formula-2026',
      },
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
    const russian = await t.request({
      method: 'GET',
      url: `/api/v1/events/${event.id}/registrations.csv`,
      token: psuCoordinator,
      headers: { 'accept-language': 'ru' },
    });
    expect(header(russian.body)).toBe('"ФИО","Эл. почта","Вуз","Статус","Место в листе ожидания","Зарегистрирован(а)","Отметка о приходе"');
    expect(russian.body).toContain('"Подтверждено"');
    const chinese = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.csv?lang=zh`, token: psuCoordinator });
    expect(header(chinese.body)).toBe('"姓名","电子邮箱","院校","状态","候补顺位","报名时间","签到时间"');
    expect(chinese.body).toContain('"已确认"');
    expect(chinese.body).toMatch(
      new RegExp(`"\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}（${event.timeZone === 'Asia/Shanghai' ? '北京时间，UTC\\+8' : '莫斯科时间，UTC\\+3'}）"`),
    );
    const russianBook = await t.request({
      method: 'GET',
      url: `/api/v1/events/${event.id}/registrations.xlsx`,
      token: psuCoordinator,
      headers: { 'accept-language': 'ru' },
    });
    const russianWorkbook = new ExcelJS.Workbook();
    await russianWorkbook.xlsx.load(russianBook.rawPayload as unknown as ArrayBuffer);
    expect(russianWorkbook.worksheets[0]!.name).toBe('Регистрации');
    expect(russianWorkbook.worksheets[0]!.getCell('A1').value).toBe('ФИО');
  });
});
