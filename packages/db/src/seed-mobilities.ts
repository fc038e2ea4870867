/**
 * Demo mobilities in every stage and both directions, so a newcomer sees the feature at once:
 * PSU→BUAS admitted (letter, checklist), PSU→BRI admitted with the visa still to come, PSU→BUAS
 * approved but not yet admitted, BUAS→PSU abroad with the migration registration overdue,
 * BUAS→PSU back home, and a PSU→BUAS stay interrupted. Each one has its approved nomination
 * on a closed call of the sending institution, its seat counted in the line's `used`.
 * Dates follow the seed's "now" but stay within the agreement (2024-05-01 … 2026-12-31). All on
 * the 2026/2027 lines: the API tests use the 2025/2026 ones as the nominations seed left them.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { daysOfStay, dueDateOf, newLetterCode, type MobilityStatus } from '@exchange/shared';
import type { Transaction } from './client.js';
import { samplePdf } from './seed-documents.js';
import { plans, type Stage } from './seed-mobility-plans.js';
import {
  applicationDocuments,
  applicationPreferences,
  applications,
  applicationStatusHistory,
  callQuotas,
  calls,
  checklistTemplates,
  institutions,
  mobilities,
  mobilityChecklistItems,
  mobilityDocuments,
  mobilityLetters,
  nominations,
  quotaLines,
  users,
} from './schema/index.js';

const day = 24 * 60 * 60 * 1000;
const validity = { from: '2024-05-01', to: '2026-12-31' };

const statusOf: Record<Stage, MobilityStatus> = {
  approved: 'preparing',
  admitted: 'preparing',
  abroad: 'abroad',
  returned: 'returned',
  interrupted: 'returned',
};

export async function seedMobilities(tx: Transaction) {
  const now = Date.now();
  // Monotonic, so the order of the dates of a stay survives the clamp.
  const dateAt = (offset: number) => {
    const value = new Date(now + offset * day).toISOString().slice(0, 10);
    return value < validity.from ? validity.from : value > validity.to ? validity.to : value;
  };
  const all = await tx.select().from(institutions);
  const byCode = (code: string) => all.find((row) => row.code === code)!;
  const people = await tx.select().from(users);
  const person = (email: string) => people.find((row) => row.email === email)!;
  const callOf = new Map<string, string>();

  for (const plan of plans) {
    const student = person(plan.email);
    const sending = all.find((row) => row.id === student.institutionId)!;
    const receiving = byCode(plan.to);
    const coordinator = person(`coordinator@${sending.code.toLowerCase()}.exchange.test`);
    const host = person(`coordinator@${receiving.code.toLowerCase()}.exchange.test`);
    const [line] = await tx
      .select()
      .from(quotaLines)
      .where(
        and(
          eq(quotaLines.sendingInstitutionId, sending.id),
          eq(quotaLines.receivingInstitutionId, receiving.id),
          eq(quotaLines.academicYear, plan.academicYear),
          eq(quotaLines.mobilityType, 'semester'),
        ),
      );
    const callKey = `${sending.code} ${plan.academicYear}`;
    if (!callOf.has(callKey)) callOf.set(callKey, await closedCall(tx, sending.id, sending.code, plan.academicYear, now));
    const callId = callOf.get(callKey)!;
    await tx.insert(callQuotas).values({ callId, quotaId: line!.id }).onConflictDoNothing();

    const [application] = await tx
      .insert(applications)
      .values({
        callId,
        studentId: student.id,
        status: 'accepted',
        motivation: sending.code === 'PSU' ? 'Хочу провести семестр в Китае и написать там часть диплома.' : '我希望在俄罗斯学习一个学期，提高俄语水平。',
        fullNameLatin: plan.latin,
        passportNumber: plan.identity.passport,
        passportExpiresOn: '2032-06-30',
        birthDate: plan.identity.birthDate,
        citizenship: plan.identity.citizenship,
        sex: plan.identity.sex,
        studyLevel: 6,
        fieldOfStudy: '0231',
        gpa: 4.6,
        languageCertificates:
          plan.to === 'PSU'
            ? [{ language: 'ru', test: 'TORFL', level: 'TORFL-1', date: '2025-04-12' }]
            : [{ language: 'zh', test: 'HSK', level: '4', date: '2025-05-20' }],
        submittedAt: new Date(now - 200 * day),
        reviewScore: 85,
        reviewEligible: true,
        reviewedBy: coordinator.id,
        reviewedAt: new Date(now - 190 * day),
      })
      .returning();
    await tx.insert(applicationPreferences).values({ applicationId: application!.id, quotaId: line!.id, rank: 1 });
    await tx.insert(applicationStatusHistory).values([
      { applicationId: application!.id, fromStatus: null, toStatus: 'draft', actorId: student.id },
      { applicationId: application!.id, fromStatus: 'draft', toStatus: 'submitted', actorId: student.id },
      { applicationId: application!.id, fromStatus: 'submitted', toStatus: 'nominated', actorId: coordinator.id },
      { applicationId: application!.id, fromStatus: 'nominated', toStatus: 'accepted', actorId: host.id },
    ]);
    const content = samplePdf(`motivation letter - ${plan.latin}`);
    await tx.insert(applicationDocuments).values({
      applicationId: application!.id,
      type: 'motivation_letter',
      fileName: `motivation_letter-${application!.id.slice(0, 8)}.pdf`,
      contentType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: student.id,
    });
    const [nomination] = await tx
      .insert(nominations)
      .values({
        applicationId: application!.id,
        quotaId: line!.id,
        sendingInstitutionId: sending.id,
        receivingInstitutionId: receiving.id,
        status: 'approved',
        decidedBy: host.id,
        decidedAt: new Date(now - 150 * day),
        createdBy: coordinator.id,
      })
      .returning();
    await tx
      .update(quotaLines)
      .set({ used: sql`${quotaLines.used} + 1` })
      .where(eq(quotaLines.id, line!.id));

    const admitted = plan.stage !== 'approved';
    const plannedStart = admitted ? dateAt(plan.start) : null;
    const plannedEnd = admitted ? dateAt(plan.end) : null;
    const arrivedOn = plan.arrived === undefined ? null : dateAt(plan.arrived);
    const [mobility] = await tx
      .insert(mobilities)
      .values({
        nominationId: nomination!.id,
        applicationId: application!.id,
        studentId: student.id,
        quotaId: line!.id,
        sendingInstitutionId: sending.id,
        receivingInstitutionId: receiving.id,
        academicYear: plan.academicYear,
        mobilityType: 'semester',
        status: statusOf[plan.stage],
        plannedStart,
        plannedEnd,
        programme: admitted ? (plan.to === 'PSU' ? 'Russian language and culture' : 'Chinese language and culture') : null,
        admittedAt: admitted ? new Date(now - 100 * day) : null,
        arrivedOn,
        departedOn: plan.departed === undefined ? null : dateAt(plan.departed),
        interrupted: plan.stage === 'interrupted',
        interruptionReason: plan.stage === 'interrupted' ? 'Family circumstances: the student had to return home.' : null,
        funding:
          plan.to === 'PSU'
            ? { source: 'csc' as const, monthlyAmount: 3000, currency: 'CNY' }
            : { source: 'russian_government' as const, monthlyAmount: 25000, currency: 'RUB' },
      })
      .returning();
    if (!admitted) continue;

    await tx.insert(mobilityLetters).values({
      mobilityId: mobility!.id,
      kind: 'admission',
      code: newLetterCode(),
      issuedBy: host.id,
      issuedAt: new Date(now - 100 * day),
      content: {
        fullName: student.fullName,
        fullNameLatin: plan.latin,
        birthDate: plan.identity.birthDate,
        citizenship: plan.identity.citizenship,
        passportNumber: plan.identity.passport,
        sendingInstitution: sending.name,
        receivingInstitution: receiving.name,
        receivingCity: receiving.city,
        programme: mobility!.programme!,
        mobilityType: 'semester',
        academicYear: plan.academicYear,
        plannedStart: plannedStart!,
        plannedEnd: plannedEnd!,
        locale: receiving.country === 'RU' ? 'ru' : 'zh',
        signedBy: host.fullName,
      },
    });

    // The host's template as it is copied at admission, due dates as the API computes them.
    const stayDays = daysOfStay(plannedStart!, plannedEnd!);
    const steps = (await tx.select().from(checklistTemplates).where(eq(checklistTemplates.institutionId, receiving.id))).filter(
      (step) => step.minStayDays === null || stayDays >= step.minStayDays,
    );
    for (const step of steps) {
      const done = !plan.open.includes(step.key);
      // A step done with proof has its proof on file (the table insists).
      const proof = done && step.requiresProof ? await proofOf(tx, mobility!.id, student.id, `${step.key} - ${plan.latin}`) : null;
      await tx.insert(mobilityChecklistItems).values({
        mobilityId: mobility!.id,
        key: step.key,
        title: step.title,
        owner: step.owner,
        dueRule: step.dueRule,
        requiresProof: step.requiresProof,
        position: step.position,
        dueOn: dueDateOf(step.dueRule, { start: plannedStart, arrival: arrivedOn }, receiving.country),
        status: done ? 'done' : 'open',
        documentId: proof,
        doneBy: done ? (step.owner === 'student' ? student.id : step.owner === 'receiving' ? host.id : coordinator.id) : null,
        doneAt: done ? new Date(now - 30 * day) : null,
      });
    }
  }
}

async function proofOf(tx: Transaction, mobilityId: string, uploadedBy: string, title: string) {
  const content = samplePdf(title);
  const [row] = await tx
    .insert(mobilityDocuments)
    .values({
      mobilityId,
      fileName: `proof-${crypto.randomUUID().slice(0, 8)}.pdf`,
      contentType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy,
    })
    .returning({ id: mobilityDocuments.id });
  return row!.id;
}

/** A closed semester call of the sending institution, whose nominations the partners approved. */
async function closedCall(tx: Transaction, institutionId: string, code: string, academicYear: string, now: number) {
  const [call] = await tx
    .insert(calls)
    .values({
      institutionId,
      title: {
        en: `Exchange semester ${academicYear} (${code})`,
        ru: `Семестр по обмену ${academicYear} (${code})`,
        zh: `${academicYear}学年交换学期（${code}）`,
      },
      description: {
        en: 'Selection closed; the partners have approved the nominees.',
        ru: 'Отбор завершён; партнёры одобрили кандидатов.',
        zh: '选拔已结束，合作方已批准被推荐学生。',
      },
      academicYear,
      mobilityType: 'semester',
      opensAt: new Date(now - 240 * day),
      closesAt: new Date(now - 195 * day),
      maxPreferences: 1,
      requiredDocuments: ['motivation_letter'],
      status: 'published',
    })
    .returning({ id: calls.id });
  return call!.id;
}
