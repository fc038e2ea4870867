/**
 * Fixtures for the security tests: fresh objects of every kind, made directly in the database
 * (fast) or through the API where the API keeps counters (nominations, registrations), each
 * one owned by a chosen person or institution.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  applicationDocuments,
  applicationPreferences,
  applications,
  callQuotas,
  calls,
  centres,
  events,
  notifications,
  quotaLines,
  users,
} from '@exchange/db';
import type { TestContext } from '../test/helper.js';

export type Code = 'PSU' | 'BUAS' | 'BRI';
export const codes: Code[] = ['PSU', 'BUAS', 'BRI'];

export const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

const coordinatorOf: Record<Code, string> = {
  PSU: 'coordinator@psu.exchange.test',
  BUAS: 'coordinator@buas.exchange.test',
  BRI: 'coordinator@bri.exchange.test',
};

export type Fixtures = Awaited<ReturnType<typeof createFixtures>>;

export async function createFixtures(t: TestContext) {
  const db = t.database.db;
  const institution: Record<Code, string> = {
    PSU: await t.institutionId('PSU'),
    BUAS: await t.institutionId('BUAS'),
    BRI: await t.institutionId('BRI'),
  };
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await t.login(email));
    return tokens.get(email)!;
  };
  const forget = (email: string) => tokens.delete(email);
  const userIds = new Map<string, string>();
  const userId = async (email: string) => {
    if (!userIds.has(email)) {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!row) throw new Error(`no user ${email}`);
      userIds.set(email, row.id);
    }
    return userIds.get(email)!;
  };
  const [template] = await db.select().from(users).where(eq(users.email, 'student1@psu.exchange.test'));

  /** The 2025/2026 line from one institution to another, with room for one more seat. */
  async function line(from: Code, to: Code) {
    const [row] = await db
      .select()
      .from(quotaLines)
      .where(and(eq(quotaLines.sendingInstitutionId, institution[from]), eq(quotaLines.receivingInstitutionId, institution[to])))
      .orderBy(quotaLines.academicYear)
      .limit(1);
    if (!row) throw new Error(`no line ${from}→${to}`);
    return row;
  }

  /** A published call of the institution offering its lines to both partners; open unless `closed`. */
  async function call(code: Code, options: { closed?: boolean; status?: 'draft' | 'published' } = {}) {
    const partners = codes.filter((other) => other !== code);
    const first = await line(code, partners[0]!);
    const now = Date.now();
    const [row] = await db
      .insert(calls)
      .values({
        institutionId: institution[code],
        title: { en: `Fixture call ${randomUUID().slice(0, 8)}`, ru: 'Конкурс', zh: '项目' },
        description: { en: '', ru: '', zh: '' },
        academicYear: first.academicYear,
        mobilityType: first.mobilityType,
        opensAt: new Date(now - 10 * 86_400_000),
        closesAt: options.closed ? new Date(now - 86_400_000) : new Date(now + 30 * 86_400_000),
        requiredDocuments: ['motivation_letter'],
        status: options.status ?? 'published',
      })
      .returning();
    for (const partner of partners) {
      const offered = await line(code, partner);
      await db.insert(callQuotas).values({ callId: row!.id, quotaId: offered.id }).onConflictDoNothing();
    }
    return { id: row!.id, lineId: first.id, receiving: partners[0]! };
  }

  /** A student account of the institution (active unless said otherwise). */
  async function student(code: Code, status: 'active' | 'pending' | 'disabled' = 'active') {
    const email = `fixture-${randomBytes(5).toString('hex')}@${code.toLowerCase()}.exchange.test`;
    const [row] = await db
      .insert(users)
      .values({ email, fullName: `Fixture ${code}`, role: 'student', institutionId: institution[code], status, passwordHash: template!.passwordHash })
      .returning({ id: users.id });
    userIds.set(email, row!.id);
    return { id: row!.id, email };
  }

  /**
   * An application of the student on a fresh call of the student's institution, with one
   * preference and a motivation letter. `reviewed` makes it submitted, scored and eligible on a
   * closed call, ready for nomination.
   */
  async function application(studentEmail: string, status: 'draft' | 'submitted' | 'reviewed' = 'draft') {
    const [owner] = await db.select().from(users).where(eq(users.email, studentEmail));
    const code = (Object.entries(institution).find(([, id]) => id === owner!.institutionId)![0]) as Code;
    const offered = await call(code, { closed: status === 'reviewed' });
    const submitted = status !== 'draft';
    const [row] = await db
      .insert(applications)
      .values({
        callId: offered.id,
        studentId: owner!.id,
        status: submitted ? 'submitted' : 'draft',
        motivation: 'I want to study abroad.',
        gpa: 4.5,
        passportNumber: '56 99 000001',
        fullNameLatin: 'Fixture Student',
        studyLevel: 6,
        fieldOfStudy: '0716',
        languageCertificates: [{ language: 'zh', test: 'HSK', level: '6', date: '2025-06-01' }, { language: 'ru', test: 'TORFL', level: 'TORFL-2', date: '2025-06-01' }],
        submittedAt: submitted ? new Date() : null,
        ...(status === 'reviewed' ? { reviewScore: 80, reviewEligible: true, reviewComment: 'internal note', reviewedAt: new Date() } : {}),
      })
      .returning({ id: applications.id });
    await db.insert(applicationPreferences).values({ applicationId: row!.id, quotaId: offered.lineId, rank: 1 });
    const [document] = await db
      .insert(applicationDocuments)
      .values({
        applicationId: row!.id,
        type: 'motivation_letter',
        fileName: 'motivation_letter.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        content: pdf,
        uploadedBy: owner!.id,
      })
      .returning({ id: applicationDocuments.id });
    return { id: row!.id, callId: offered.id, lineId: offered.lineId, docId: document!.id, institution: code, receiving: offered.receiving };
  }

  /** A pending nomination from one institution to another, made by the sending coordinator. */
  async function nomination(from: Code, to: Code) {
    const nominee = await student(from);
    const made = await application(nominee.email, 'reviewed');
    const target = await line(from, to);
    await db.insert(callQuotas).values({ callId: made.callId, quotaId: target.id }).onConflictDoNothing();
    await db.update(applicationPreferences).set({ quotaId: target.id }).where(eq(applicationPreferences.applicationId, made.id));
    await db.update(quotaLines).set({ seats: target.used + 1 }).where(eq(quotaLines.id, target.id));
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/nominations',
      token: await token(coordinatorOf[from]),
      payload: { applicationId: made.id, quotaId: target.id },
    });
    if (response.statusCode !== 201) throw new Error(`nomination ${from}→${to}: ${response.statusCode} ${response.body}`);
    const body = response.json();
    return { id: body.id as string, proposalId: body.proposalId as string, applicationId: made.id, docId: made.docId, studentEmail: nominee.email };
  }

  /** An event of the institution's centre, starting in a week, published unless said otherwise. */
  async function event(code: Code, status: 'draft' | 'published' = 'published') {
    const [centre] = await db.select().from(centres).where(eq(centres.institutionId, institution[code])).limit(1);
    const start = Date.now() + 7 * 86_400_000;
    const [row] = await db
      .insert(events)
      .values({
        centreId: centre!.id,
        title: { en: 'Fixture event', ru: 'Событие', zh: '活动' },
        description: { en: '', ru: '', zh: '' },
        startsAt: new Date(start),
        endsAt: new Date(start + 7_200_000),
        timeZone: 'Europe/Moscow',
        venue: { en: 'Hall 1', ru: 'Зал 1', zh: '1号厅' },
        capacity: 10,
        status,
      })
      .returning({ id: events.id });
    return { id: row!.id, centreId: centre!.id };
  }

  /** A registration of the person (registered through the API) and its check-in code. */
  async function registration(eventId: string, email: string) {
    const bearer = await token(email);
    const created = await t.request({ method: 'POST', url: `/api/v1/events/${eventId}/registrations`, token: bearer });
    if (created.statusCode !== 201) throw new Error(`registration: ${created.statusCode} ${created.body}`);
    const mine = await t.request({ method: 'GET', url: `/api/v1/events/${eventId}/registrations/me`, token: bearer });
    const body = mine.json();
    return { id: created.json().id as string, code: (body.checkInCode ?? body.code ?? body.checkInToken) as string | undefined };
  }

  async function notification(email: string) {
    const [row] = await db
      .insert(notifications)
      .values({ userId: await userId(email), kind: 'fixture', params: {} })
      .returning({ id: notifications.id });
    return row!.id;
  }

  async function centreOf(code: Code) {
    const [row] = await db.select().from(centres).where(eq(centres.institutionId, institution[code])).limit(1);
    return row!.id;
  }

  return { institution, token, forget, userId, line, call, student, application, nomination, event, registration, notification, centreOf, coordinatorOf };
}

export const missingId = '00000000-0000-4000-8000-000000000000';
