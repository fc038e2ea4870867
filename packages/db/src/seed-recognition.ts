/**
 * Demo transcripts and recognition, one in each direction: BUAS grades the PSU student whose stay
 * was interrupted on its 0–100 scale and PSU recognises it on the 5-point scale; PSU grades the
 * BUAS student who came back and BUAS recognises it. Both mobilities are then `recognised`.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from './client.js';
import { mobilities, mobilityRecognitions, mobilityTranscripts, users } from './schema/index.js';
import type { RecognitionLine, TranscriptLine } from './schema/recognition.js';

const day = 24 * 60 * 60 * 1000;

type Demo = { student: string; host: string; home: string; transcript: Omit<TranscriptLine, 'date'>[]; recognition: RecognitionLine[] };

const demos: Demo[] = [
  {
    student: 'student5@psu.exchange.test',
    host: 'coordinator@buas.exchange.test',
    home: 'coordinator@psu.exchange.test',
    transcript: [
      { code: 'CHN2101', title: '汉语综合（中级）', credits: 6, grade: '86', passed: true },
      { code: 'CHN2105', title: '汉语听说', credits: 4, grade: '78', passed: true },
      { code: 'CUL1102', title: '中国文化概论', credits: 2, grade: '合格', passed: true },
    ],
    recognition: [
      { code: 'Б1.В.07', recognised: true, homeGrade: '4', homeCredits: 6, note: 'Средневзвешенная оценка 83 из 100.' },
      { code: 'Б1.В.ДВ.03', recognised: true, homeGrade: 'зачёт', homeCredits: 3, note: null },
    ],
  },
  {
    student: 'student2@buas.exchange.test',
    host: 'coordinator@psu.exchange.test',
    home: 'coordinator@buas.exchange.test',
    transcript: [
      { code: 'Б1.О.12', title: 'Русский язык как иностранный', credits: 6, grade: '5', passed: true },
      { code: 'Б1.В.05', title: 'Русская литература XX века', credits: 3, grade: '4', passed: true },
      { code: 'Б1.В.09', title: 'История России', credits: 3, grade: 'зачёт', passed: true },
    ],
    recognition: [
      { code: 'RUS2201', recognised: true, homeGrade: '93', homeCredits: 4, note: null },
      { code: 'RUS2205', recognised: true, homeGrade: '78', homeCredits: 2, note: '按转换表认定。' },
    ],
  },
];

export async function seedRecognition(tx: Transaction) {
  const now = Date.now();
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demos.flatMap((demo) => [demo.student, demo.host, demo.home]),
      ),
    );
  const idOf = (email: string) => people.find((row) => row.email === email)!.id;
  for (const demo of demos) {
    const [mobility] = await tx
      .select({ id: mobilities.id, departedOn: mobilities.departedOn })
      .from(mobilities)
      .where(and(eq(mobilities.studentId, idOf(demo.student)), eq(mobilities.status, 'returned')));
    if (!mobility) continue;
    const examsOn = mobility.departedOn!;
    await tx.insert(mobilityTranscripts).values({
      mobilityId: mobility.id,
      issuedOn: examsOn,
      components: demo.transcript.map((line) => ({ ...line, date: examsOn })),
      recordedBy: idOf(demo.host),
      recordedAt: new Date(now - 4 * day),
    });
    await tx
      .insert(mobilityRecognitions)
      .values({ mobilityId: mobility.id, components: demo.recognition, decidedBy: idOf(demo.home), decidedAt: new Date(now - 2 * day) });
    await tx.update(mobilities).set({ status: 'recognised' }).where(eq(mobilities.id, mobility.id));
  }
}
