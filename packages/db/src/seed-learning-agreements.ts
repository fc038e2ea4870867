/**
 * Demo learning agreements: every admitted demo mobility has its first version signed by the
 * student and both offices; the PSU student at BUAS and the BUAS student at PSU each have a change
 * proposal pending (one awaiting the receiving office, one the sending office), so both offices
 * find something to sign in both directions.
 */
import { isNotNull } from 'drizzle-orm';
import type { LearningAgreementContent } from '@exchange/shared';
import type { Transaction } from './client.js';
import { institutions, learningAgreementVersions, mobilities, users } from './schema/index.js';
import type { StoredSignature } from './schema/learning-agreements.js';

const day = 24 * 60 * 60 * 1000;
const none = { change: null, reason: null };

/** What a student at a Chinese host studies, and what PSU recognises. */
const inChina = (term: string): LearningAgreementContent => ({
  studied: [
    { code: 'CHN2101', title: '汉语综合（中级）', credits: 6, term, ...none },
    { code: 'CHN2105', title: '汉语听说', credits: 4, term, ...none },
    { code: 'CUL1102', title: '中国文化概论', credits: 2, term, ...none },
  ],
  recognised: [
    { code: 'Б1.В.07', title: 'Китайский язык (практический курс)', credits: 6, ...none },
    { code: 'Б1.В.ДВ.03', title: 'Страноведение Китая', credits: 3, ...none },
  ],
  languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
  hostCatalogueUrl: 'https://www.bjwlxy.edu.cn/jwc/courses',
  homeCatalogueUrl: 'https://pnzgu.ru/education/programs',
});

/** What a BUAS student studies at PSU, and what BUAS recognises. */
const inRussia = (term: string): LearningAgreementContent => ({
  studied: [
    { code: 'Б1.О.12', title: 'Русский язык как иностранный', credits: 6, term, ...none },
    { code: 'Б1.В.05', title: 'Русская литература XX века', credits: 3, term, ...none },
    { code: 'Б1.В.09', title: 'История России', credits: 3, term, ...none },
  ],
  recognised: [
    { code: 'RUS2201', title: '综合俄语', credits: 4, ...none },
    { code: 'RUS2205', title: '俄罗斯文学选读', credits: 2, ...none },
  ],
  languageOfInstruction: { language: 'ru', scale: 'TORFL', level: 'TORFL-1' },
  hostCatalogueUrl: 'https://pnzgu.ru/education/programs',
  homeCatalogueUrl: 'https://www.bjwlxy.edu.cn/jwc/courses',
});

/** The change each of the two proposals makes: one component removed, one added, each with a reason. */
function changed(content: LearningAgreementContent, toChina: boolean): LearningAgreementContent {
  const [first, second, third] = content.studied;
  const added = toChina
    ? {
        code: 'ART1203',
        title: '书法入门',
        credits: 2,
        term: third!.term,
        change: 'added' as const,
        reason: 'Вместо курса, который совпал по времени с практикой.',
      }
    : { code: 'Б1.В.11', title: 'Деловой русский язык', credits: 3, term: third!.term, change: 'added' as const, reason: '与实习时间冲突，改选此课程。' };
  const reason = toChina ? 'Совпадает по времени с языковой практикой.' : '与语言实践课时间冲突。';
  return { ...content, studied: [first!, second!, { ...third!, change: 'removed', reason }, added] };
}

export async function seedLearningAgreements(tx: Transaction) {
  const now = Date.now();
  const people = await tx.select({ id: users.id, email: users.email, fullName: users.fullName }).from(users);
  const signer = (email: string, daysAgo: number): StoredSignature => {
    const person = people.find((row) => row.email === email)!;
    return { userId: person.id, name: person.fullName, at: new Date(now - daysAgo * day).toISOString() };
  };
  const codes = new Map((await tx.select({ id: institutions.id, code: institutions.code }).from(institutions)).map((row) => [row.id, row.code.toLowerCase()]));
  const admitted = await tx
    .select({ id: mobilities.id, studentId: mobilities.studentId, sending: mobilities.sendingInstitutionId, receiving: mobilities.receivingInstitutionId })
    .from(mobilities)
    .where(isNotNull(mobilities.admittedAt));

  for (const mobility of admitted) {
    const student = people.find((row) => row.id === mobility.studentId)!;
    const sending = `coordinator@${codes.get(mobility.sending)}.exchange.test`;
    const receiving = `coordinator@${codes.get(mobility.receiving)}.exchange.test`;
    const toChina = codes.get(mobility.receiving) !== 'psu';
    const content = toChina ? inChina('2026 秋季学期') : inRussia('Осенний семестр 2026');
    await tx.insert(learningAgreementVersions).values({
      mobilityId: mobility.id,
      status: 'signed',
      kind: 'first',
      number: 1,
      proposalId: crypto.randomUUID(),
      content,
      studentSignature: signer(student.email, 95),
      sendingSignature: signer(sending, 93),
      receivingSignature: signer(receiving, 90),
      proposedAt: new Date(now - 95 * day),
      signedAt: new Date(now - 90 * day),
    });
    const pending = student.email === 'student2@psu.exchange.test' || student.email === 'student1@buas.exchange.test';
    if (!pending) continue;
    // PSU's outgoing change awaits BUAS; BUAS's outgoing change awaits BUAS itself, as the sending office.
    await tx.insert(learningAgreementVersions).values({
      mobilityId: mobility.id,
      status: 'proposed',
      kind: 'changes',
      number: 2,
      proposalId: crypto.randomUUID(),
      content: changed(content, toChina),
      studentSignature: signer(student.email, 3),
      sendingSignature: toChina ? signer(sending, 2) : null,
      proposedAt: new Date(now - 3 * day),
    });
  }
}
