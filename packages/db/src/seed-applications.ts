import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Transaction } from './client.js';
import { seedOpenCalls } from './seed-calls.js';
import { samplePdf } from './seed-documents.js';
import { applicationDocuments, applicationPreferences, applications, applicationStatusHistory, callQuotas, users } from './schema/index.js';

const day = 24 * 60 * 60 * 1000;

/**
 * One open call per institution for 2026/2027, offering its lines of the call's kind, and a
 * few PSU applications in different states.
 */
export async function seedCallsAndApplications(tx: Transaction) {
  const now = Date.now();
  const callIds = await seedOpenCalls(tx, now);

  // PSU students: one draft, two submitted (one reviewed), one found not eligible.
  const psuCall = callIds.PSU!;
  const offered = await tx.select({ quotaId: callQuotas.quotaId }).from(callQuotas).where(eq(callQuotas.callId, psuCall));
  const students = await tx.select().from(users).where(eq(users.role, 'student'));
  const student = (email: string) => students.find((row) => row.email === email)!;
  const [coordinator] = await tx.select().from(users).where(eq(users.email, 'coordinator@psu.exchange.test'));
  const plans = [
    { email: 'student1@psu.exchange.test', status: 'draft' as const, gpa: 4.6, motivation: '' },
    {
      email: 'student2@psu.exchange.test',
      status: 'submitted' as const,
      gpa: 4.8,
      motivation: 'Я изучаю китайский язык третий год и хочу учиться в Баоцзи.',
    },
    {
      email: 'student3@psu.exchange.test',
      status: 'submitted' as const,
      gpa: 4.5,
      motivation: 'I study railway engineering and Chinese; a semester at BRI fits my thesis.',
      review: { score: 88, eligible: true, comment: 'Strong motivation; HSK 4.' },
    },
    {
      email: 'student5@psu.exchange.test',
      status: 'ineligible' as const,
      gpa: 3.2,
      motivation: 'Хочу познакомиться с культурой Китая.',
      review: { score: 40, eligible: false, comment: 'GPA below the call’s minimum of 4.0.' },
    },
  ];
  for (const [index, plan] of plans.entries()) {
    const owner = student(plan.email);
    const submitted = plan.status !== 'draft';
    const [created] = await tx
      .insert(applications)
      .values({
        callId: psuCall,
        studentId: owner.id,
        status: plan.status,
        gpa: plan.gpa,
        motivation: plan.motivation,
        languageCertificates: [{ language: 'zh', test: 'HSK', level: String(3 + (index % 2)), date: '2025-06-15' }],
        submittedAt: submitted ? new Date(now - (10 - index) * day) : null,
        ...(plan.review
          ? {
              reviewScore: plan.review.score,
              reviewEligible: plan.review.eligible,
              reviewComment: plan.review.comment,
              reviewCommentLocale: 'en' as const,
              reviewedBy: coordinator!.id,
              reviewedAt: new Date(now - 2 * day),
            }
          : {}),
      })
      .returning();
    await tx.insert(applicationPreferences).values(
      offered.slice(0, 2).map((line, rank) => ({
        applicationId: created!.id,
        quotaId: (index % 2 ? offered[offered.length - 1 - rank] : line)!.quotaId,
        rank: rank + 1,
      })),
    );
    const history: { fromStatus: null | 'draft' | 'submitted'; toStatus: 'draft' | 'submitted' | 'ineligible' }[] = [{ fromStatus: null, toStatus: 'draft' }];
    if (submitted) history.push({ fromStatus: 'draft', toStatus: 'submitted' });
    if (plan.status === 'ineligible') history.push({ fromStatus: 'submitted', toStatus: 'ineligible' });
    await tx.insert(applicationStatusHistory).values(
      history.map((entry) => ({
        applicationId: created!.id,
        ...entry,
        actorId: entry.toStatus === 'ineligible' ? coordinator!.id : owner.id,
      })),
    );
    if (submitted) {
      for (const type of ['motivation_letter', 'transcript', 'passport_copy'] as const) {
        const content = samplePdf(`${type.replace('_', ' ')} - ${plan.email}`);
        const id = crypto.randomUUID();
        await tx.insert(applicationDocuments).values({
          id,
          applicationId: created!.id,
          type,
          fileName: `${type}-${id.slice(0, 8)}.pdf`,
          contentType: 'application/pdf',
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedBy: owner.id,
        });
      }
    }
  }
}
