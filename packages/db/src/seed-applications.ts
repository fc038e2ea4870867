import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from './client.js';
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

/** A one-page PDF, so the demo documents open in any viewer. */
export function samplePdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * One open call per institution for 2026/2027, offering its lines of the call's kind, and a
 * few PSU applications in different states.
 */
export async function seedCallsAndApplications(tx: Transaction) {
  const now = Date.now();
  const all = await tx.select().from(institutions);
  const idOf = (code: string) => all.find((row) => row.code === code)!.id;
  const specs = [
    {
      code: 'PSU',
      mobilityType: 'semester' as const,
      maxPreferences: 2,
      minGpa: 4,
      title: { en: 'Spring semester in Baoji 2026/2027', ru: 'Весенний семестр в Баоцзи 2026/2027', zh: '2026/2027学年宝鸡春季学期' },
      description: {
        en: 'A semester at Baoji University of Arts and Sciences or Baoji Railway Institute, with Chinese language classes.',
        ru: 'Семестр в Баоцзинском институте искусств и наук или Баоцзинском железнодорожном институте с занятиями китайским языком.',
        zh: '在宝鸡文理学院或宝鸡铁路技师学院学习一个学期，并修读汉语课程。',
      },
      requiredDocuments: ['motivation_letter', 'transcript', 'passport_copy'] as const,
      languageRequirement: { language: 'zh' as const, scale: 'HSK' as const, level: '3' },
    },
    {
      code: 'BUAS',
      mobilityType: 'semester' as const,
      maxPreferences: 1,
      minGpa: 3.5,
      title: {
        en: 'Semester at Penza State University 2026/2027',
        ru: 'Семестр в Пензенском государственном университете 2026/2027',
        zh: '2026/2027学年奔萨国立大学交换学期',
      },
      description: {
        en: 'A semester in Penza with Russian language courses.',
        ru: 'Семестр в Пензе с курсами русского языка.',
        zh: '在奔萨学习一个学期，并修读俄语课程。',
      },
      requiredDocuments: ['motivation_letter', 'transcript'] as const,
      languageRequirement: { language: 'ru' as const, scale: 'TORFL' as const, level: 'TEU' },
    },
    {
      code: 'BRI',
      mobilityType: 'summer_school' as const,
      maxPreferences: 1,
      minGpa: null,
      title: {
        en: 'Railway summer school in Penza 2026/2027',
        ru: 'Летняя школа железнодорожного транспорта в Пензе 2026/2027',
        zh: '2026/2027学年奔萨铁路暑期学校',
      },
      description: {
        en: 'Three weeks of railway engineering and Russian culture in Penza.',
        ru: 'Три недели железнодорожной техники и русской культуры в Пензе.',
        zh: '在奔萨学习三周铁道工程与俄罗斯文化。',
      },
      requiredDocuments: ['motivation_letter'] as const,
      languageRequirement: null,
    },
  ];
  const callIds: Record<string, string> = {};
  for (const spec of specs) {
    const institutionId = idOf(spec.code);
    const [call] = await tx
      .insert(calls)
      .values({
        institutionId,
        title: spec.title,
        description: spec.description,
        academicYear: '2026/2027',
        mobilityType: spec.mobilityType,
        opensAt: new Date(now - 14 * day),
        closesAt: new Date(now + 30 * day),
        maxPreferences: spec.maxPreferences,
        minGpa: spec.minGpa,
        languageRequirement: spec.languageRequirement,
        requiredDocuments: [...spec.requiredDocuments],
        status: 'published',
      })
      .returning();
    callIds[spec.code] = call!.id;
    const lines = await tx
      .select({ id: quotaLines.id })
      .from(quotaLines)
      .where(and(eq(quotaLines.sendingInstitutionId, institutionId), eq(quotaLines.academicYear, '2026/2027'), eq(quotaLines.mobilityType, spec.mobilityType)));
    if (lines.length > 0) await tx.insert(callQuotas).values(lines.map((line) => ({ callId: call!.id, quotaId: line.id })));
  }

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
