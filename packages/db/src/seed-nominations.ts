import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from './client.js';
import { samplePdf } from './seed-documents.js';
import {
  applicationDocuments,
  applicationPreferences,
  applications,
  applicationStatusHistory,
  callQuotas,
  calls,
  institutions,
  nominations,
  quotaLines,
  users,
} from './schema/index.js';

const day = 24 * 60 * 60 * 1000;

/**
 * A closed PSU language-course call whose allocation has run: two students nominated to BUAS
 * and awaiting its decision, one on the waiting list.
 */
export async function seedNominations(tx: Transaction) {
  const now = Date.now();
  const all = await tx.select().from(institutions);
  const idOf = (code: string) => all.find((row) => row.code === code)!.id;
  const [psu, buas] = [idOf('PSU'), idOf('BUAS')];
  const [line] = await tx
    .select()
    .from(quotaLines)
    .where(
      and(
        eq(quotaLines.sendingInstitutionId, psu),
        eq(quotaLines.receivingInstitutionId, buas),
        eq(quotaLines.academicYear, '2025/2026'),
        eq(quotaLines.mobilityType, 'language_course'),
      ),
    );
  const [call] = await tx
    .insert(calls)
    .values({
      institutionId: psu,
      title: {
        en: 'Chinese language course at BUAS 2025/2026',
        ru: 'Курс китайского языка в БИИН 2025/2026',
        zh: '2025/2026学年宝鸡文理学院汉语课程',
      },
      description: {
        en: 'Four weeks of intensive Chinese in Baoji.',
        ru: 'Четыре недели интенсивного китайского в Баоцзи.',
        zh: '在宝鸡进行为期四周的汉语强化学习。',
      },
      academicYear: '2025/2026',
      mobilityType: 'language_course',
      opensAt: new Date(now - 60 * day),
      closesAt: new Date(now - 20 * day),
      maxPreferences: 1,
      requiredDocuments: ['motivation_letter'],
      status: 'published',
    })
    .returning();
  await tx.insert(callQuotas).values({ callId: call!.id, quotaId: line!.id });
  const [coordinator] = await tx.select().from(users).where(eq(users.email, 'coordinator@psu.exchange.test'));
  const plans = [
    { email: 'student1@psu.exchange.test', latin: 'Anna Petrova', score: 92, nominated: true },
    { email: 'student4@psu.exchange.test', latin: 'Aleksei Kuznetsov', score: 87.5, nominated: true },
    { email: 'student5@psu.exchange.test', latin: 'Ekaterina Sokolova', score: 71, nominated: false },
  ];
  let used = 0;
  for (const [index, plan] of plans.entries()) {
    const [owner] = await tx.select().from(users).where(eq(users.email, plan.email));
    const status = plan.nominated ? ('nominated' as const) : ('waitlisted' as const);
    const [application] = await tx
      .insert(applications)
      .values({
        callId: call!.id,
        studentId: owner!.id,
        status,
        motivation: 'Хочу улучшить китайский язык до уровня HSK 5 и подготовиться к семестру в Китае.',
        fullNameLatin: plan.latin,
        passportNumber: `56 0${index + 1} 48213${index}`,
        studyLevel: 6,
        fieldOfStudy: '0231',
        gpa: 4.4 + index / 10,
        languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-05-20' }],
        submittedAt: new Date(now - (40 - index) * day),
        reviewScore: plan.score,
        reviewEligible: true,
        reviewComment: 'Рекомендован.',
        reviewCommentLocale: 'ru',
        reviewedBy: coordinator!.id,
        reviewedAt: new Date(now - 18 * day),
      })
      .returning();
    await tx.insert(applicationPreferences).values({ applicationId: application!.id, quotaId: line!.id, rank: 1 });
    await tx.insert(applicationStatusHistory).values([
      { applicationId: application!.id, fromStatus: null, toStatus: 'draft', actorId: owner!.id },
      { applicationId: application!.id, fromStatus: 'draft', toStatus: 'submitted', actorId: owner!.id },
      { applicationId: application!.id, fromStatus: 'submitted', toStatus: status, actorId: coordinator!.id },
    ]);
    const content = samplePdf(`motivation letter - ${plan.latin}`);
    const documentId = crypto.randomUUID();
    await tx.insert(applicationDocuments).values({
      id: documentId,
      applicationId: application!.id,
      type: 'motivation_letter',
      fileName: `motivation_letter-${documentId.slice(0, 8)}.pdf`,
      contentType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: owner!.id,
    });
    if (plan.nominated) {
      await tx.insert(nominations).values({
        applicationId: application!.id,
        quotaId: line!.id,
        sendingInstitutionId: psu,
        receivingInstitutionId: buas,
        createdBy: coordinator!.id,
      });
      used++;
    }
  }
  await tx.update(quotaLines).set({ used }).where(eq(quotaLines.id, line!.id));
}
