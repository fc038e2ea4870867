/**
 * Each institution's grade scale and credit unit, kept by its own coordinators (or the
 * administrator), and the conversion tables between two institutions' scales, kept by either
 * institution's coordinators. A table is checked against both scales when saved.
 */
import type { z } from 'zod';
import type { Database } from '@exchange/db';
import { gradeOn, overlappingBands, type Actor, type GradeScale, type gradeConversionUpdate, type institutionGradingUpdate } from '@exchange/shared';
import { forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { toIsoOrNull } from '../../lib/route.js';
import { inTransaction } from '../../lib/transaction.js';
import { findConversion, findGrading, saveConversion, updateGrading } from './grading.repository.js';

type Field = { path: string; code: string; message: string };

/** Staff of one of the two institutions, or the administrator. */
const keeps = (actor: Actor, ...institutionIds: string[]) =>
  actor.role === 'admin' || (actor.role === 'coordinator' && institutionIds.includes(actor.institutionId ?? ''));
const sees = (actor: Actor, ...institutionIds: string[]) => actor.role === 'admin' || institutionIds.includes(actor.institutionId ?? '');

function ruleProblems(rules: z.output<typeof gradeConversionUpdate>['rules'], from: GradeScale | null, to: GradeScale | null): Field[] {
  const problems: Field[] = [];
  rules.forEach((rule, index) => {
    if (to && !gradeOn(to, rule.to).valid)
      problems.push({ path: `body.rules.${index}.to`, code: 'not_on_scale', message: `${rule.to} is not a grade of the target scale` });
    if (from && 'grade' in rule.from && !gradeOn(from, rule.from.grade).valid) {
      problems.push({ path: `body.rules.${index}.from.grade`, code: 'not_on_scale', message: `${rule.from.grade} is not a grade of the source scale` });
    }
    if (from && 'min' in rule.from && (!from.numeric || rule.from.min < from.numeric.min || rule.from.max > from.numeric.max)) {
      problems.push({ path: `body.rules.${index}.from`, code: 'not_on_scale', message: 'The band lies outside the source scale' });
    }
  });
  for (const index of overlappingBands(rules))
    problems.push({ path: `body.rules.${index}.from`, code: 'overlapping_band', message: 'This band overlaps an earlier one' });
  return problems;
}

export function createGradingService({ db }: { db: Database }) {
  return {
    async grading(institutionId: string) {
      const row = await findGrading(db, institutionId);
      if (!row) throw notFound('institution');
      return row;
    },

    saveGrading(who: Who, institutionId: string, body: z.output<typeof institutionGradingUpdate>) {
      return inTransaction(db, async (tx) => {
        const before = await findGrading(tx, institutionId, { forUpdate: true });
        if (!before) throw notFound('institution');
        if (!keeps(who.actor, institutionId)) throw forbidden('An institution’s own coordinators keep its grade scale.');
        await updateGrading(tx, institutionId, body);
        await writeAudit(tx, who, { action: 'institution.grading', entityType: 'institution', entityId: institutionId, institutionId, before, after: body });
        return (await findGrading(tx, institutionId))!;
      });
    },

    async conversion(actor: Actor, fromId: string, toId: string) {
      const [from, to] = await Promise.all([findGrading(db, fromId), findGrading(db, toId)]);
      if (!from || !to || fromId === toId || !sees(actor, fromId, toId)) throw notFound('conversion table');
      const row = await findConversion(db, fromId, toId);
      return { fromInstitutionId: fromId, toInstitutionId: toId, rules: row?.rules ?? [], updatedAt: toIsoOrNull(row?.updatedAt ?? null) };
    },

    saveConversion(who: Who, fromId: string, toId: string, body: z.output<typeof gradeConversionUpdate>) {
      return inTransaction(db, async (tx) => {
        const [from, to] = [await findGrading(tx, fromId, { forUpdate: true }), await findGrading(tx, toId, { forUpdate: true })];
        if (!from || !to || fromId === toId || !sees(who.actor, fromId, toId)) throw notFound('conversion table');
        if (!keeps(who.actor, fromId, toId)) throw forbidden('The two institutions’ coordinators keep their conversion tables.');
        const problems = ruleProblems(body.rules, from.gradeScale, to.gradeScale);
        if (problems.length > 0) throw unprocessable(problems[0]!.code, problems[0]!.message, { errors: problems });
        const before = await findConversion(tx, fromId, toId);
        const row = await saveConversion(tx, fromId, toId, body.rules, who.actor.id);
        await writeAudit(tx, who, {
          action: 'grade_conversion.save',
          entityType: 'grade_conversion',
          entityId: null,
          institutionId: fromId,
          before: before?.rules ?? null,
          after: { fromId, toId, rules: body.rules },
        });
        return { fromInstitutionId: fromId, toInstitutionId: toId, rules: row.rules, updatedAt: toIsoOrNull(row.updatedAt) };
      });
    },
  };
}
export type GradingService = ReturnType<typeof createGradingService>;
