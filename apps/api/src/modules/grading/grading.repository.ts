import { and, eq, sql } from 'drizzle-orm';
import { gradeConversions, institutions, type Executor } from '@exchange/db';
import type { ConversionRule, CreditUnit, GradeScale } from '@exchange/shared';

export async function findGrading(db: Executor, institutionId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ institutionId: institutions.id, gradeScale: institutions.gradeScale, creditUnit: institutions.creditUnit })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateGrading(tx: Executor, institutionId: string, values: { gradeScale: GradeScale; creditUnit: CreditUnit }) {
  await tx.update(institutions).set(values).where(eq(institutions.id, institutionId));
}

export async function findConversion(db: Executor, fromInstitutionId: string, toInstitutionId: string) {
  const [row] = await db
    .select()
    .from(gradeConversions)
    .where(and(eq(gradeConversions.fromInstitutionId, fromInstitutionId), eq(gradeConversions.toInstitutionId, toInstitutionId)));
  return row;
}

export async function saveConversion(tx: Executor, fromInstitutionId: string, toInstitutionId: string, rules: ConversionRule[], userId: string) {
  const [row] = await tx
    .insert(gradeConversions)
    .values({ fromInstitutionId, toInstitutionId, rules, updatedBy: userId })
    .onConflictDoUpdate({
      target: [gradeConversions.fromInstitutionId, gradeConversions.toInstitutionId],
      set: { rules, updatedBy: userId, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}
