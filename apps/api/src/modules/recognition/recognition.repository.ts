import { and, eq, ne, or } from 'drizzle-orm';
import { gradeConversions, institutions, mobilities, mobilityRecognitions, mobilityTranscripts, users, type Executor } from '@exchange/db';
import type { RecognitionLine, TranscriptLine } from '@exchange/db';

/** What recognition needs of a mobility: its parties and status. Locked before a change. */
export async function findMobilityFacts(db: Executor, mobilityId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({
      id: mobilities.id,
      studentId: mobilities.studentId,
      sendingInstitutionId: mobilities.sendingInstitutionId,
      receivingInstitutionId: mobilities.receivingInstitutionId,
      status: mobilities.status,
    })
    .from(mobilities)
    .where(eq(mobilities.id, mobilityId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}
export type MobilityFacts = NonNullable<Awaited<ReturnType<typeof findMobilityFacts>>>;

export async function gradingOf(db: Executor, institutionId: string) {
  const [row] = await db
    .select({ gradeScale: institutions.gradeScale, creditUnit: institutions.creditUnit })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  return row ?? { gradeScale: null, creditUnit: null };
}

export async function conversionRules(db: Executor, fromId: string, toId: string) {
  const [row] = await db
    .select({ rules: gradeConversions.rules })
    .from(gradeConversions)
    .where(and(eq(gradeConversions.fromInstitutionId, fromId), eq(gradeConversions.toInstitutionId, toId)));
  return row?.rules ?? [];
}

export async function findTranscript(db: Executor, mobilityId: string) {
  const [row] = await db
    .select({ transcript: mobilityTranscripts, name: users.fullName })
    .from(mobilityTranscripts)
    .innerJoin(users, eq(users.id, mobilityTranscripts.recordedBy))
    .where(eq(mobilityTranscripts.mobilityId, mobilityId));
  return row;
}

export async function saveTranscript(
  tx: Executor,
  values: { mobilityId: string; issuedOn: string; components: TranscriptLine[]; recordedBy: string; recordedAt: Date },
) {
  await tx
    .insert(mobilityTranscripts)
    .values(values)
    .onConflictDoUpdate({
      target: mobilityTranscripts.mobilityId,
      set: { issuedOn: values.issuedOn, components: values.components, recordedBy: values.recordedBy, recordedAt: values.recordedAt },
    });
}

export async function findRecognition(db: Executor, mobilityId: string) {
  const [row] = await db
    .select({ recognition: mobilityRecognitions, name: users.fullName })
    .from(mobilityRecognitions)
    .innerJoin(users, eq(users.id, mobilityRecognitions.decidedBy))
    .where(eq(mobilityRecognitions.mobilityId, mobilityId));
  return row;
}

export async function insertRecognition(tx: Executor, values: { mobilityId: string; components: RecognitionLine[]; decidedBy: string; decidedAt: Date }) {
  await tx.insert(mobilityRecognitions).values(values);
}

/** The year's mobilities (not cancelled) of the given institutions (all when none), with their transcripts and decisions. */
export async function yearRows(db: Executor, academicYear: string, institutionId: string | null) {
  const rows = await db
    .select({
      id: mobilities.id,
      sendingInstitutionId: mobilities.sendingInstitutionId,
      receivingInstitutionId: mobilities.receivingInstitutionId,
      transcript: mobilityTranscripts.components,
      recognition: mobilityRecognitions.components,
    })
    .from(mobilities)
    .leftJoin(mobilityTranscripts, eq(mobilityTranscripts.mobilityId, mobilities.id))
    .leftJoin(mobilityRecognitions, eq(mobilityRecognitions.mobilityId, mobilities.id))
    .where(
      and(
        eq(mobilities.academicYear, academicYear),
        ne(mobilities.status, 'cancelled'),
        institutionId ? or(eq(mobilities.sendingInstitutionId, institutionId), eq(mobilities.receivingInstitutionId, institutionId)) : undefined,
      ),
    );
  return rows;
}
