import { and, eq } from 'drizzle-orm';
import type { Transaction } from './client.js';
import { callQuotas, calls, institutions, quotaLines } from './schema/index.js';

const day = 24 * 60 * 60 * 1000;

/**
 * One open call per institution for 2026/2027, offering its lines of the call's kind. Returns
 * each call's id by the code of its institution.
 */
export async function seedOpenCalls(tx: Transaction, now: number): Promise<Record<string, string>> {
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
  return callIds;
}
