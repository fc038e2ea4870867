/**
 * The transcript of records and recognition at home. The receiving office records the grades in
 * its own scale once the stay has begun; the sending office, once the student is back, decides
 * per home component of the learning agreement (recognised, home grade, home credits, note),
 * starting from what the conversion table proposes; the mobility then becomes `recognised`.
 */
import type { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import { gradeOn, mobilitySide, proposeRecognition, type Actor, type recognitionRequest, type transcriptUpdate } from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { notify } from '../../lib/notify.js';
import { activeCoordinatorIds, institutionName } from '../../lib/parties.js';
import { toIso } from '../../lib/route.js';
import { inTransaction } from '../../lib/transaction.js';
import { recognitionReport } from './recognition-report.js';
import {
  conversionRules,
  findMobilityFacts,
  findRecognition,
  findTranscript,
  gradingOf,
  insertRecognition,
  saveTranscript,
  type MobilityFacts,
} from './recognition.repository.js';
import type { LearningAgreementsInForce, MobilityRecognised } from './ports.js';

type Dependencies = { db: Database; clock: Clock; learningAgreements: LearningAgreementsInForce; mobilities: MobilityRecognised };
type Field = { path: string; code: string; message: string };

const refuse = (problems: Field[]) => {
  if (problems.length > 0) throw unprocessable(problems[0]!.code, problems[0]!.message, { errors: problems });
};
const duplicates = (codes: string[], path: (index: number) => string): Field[] =>
  codes.flatMap((code, index) => (codes.indexOf(code) < index ? [{ path: path(index), code: 'duplicate', message: `${code} is listed twice` }] : []));

export function createRecognitionService({ db, clock, learningAgreements, mobilities }: Dependencies) {
  async function visible(tx: Executor, actor: Actor, mobilityId: string, options: { forUpdate?: boolean } = {}) {
    const facts = await findMobilityFacts(tx, mobilityId, options);
    const side = facts && mobilitySide(actor, facts);
    if (!facts || !side) throw notFound('mobility');
    return { facts, side };
  }

  async function view(tx: Executor, facts: MobilityFacts) {
    const [transcript, decision, agreements, rules] = await Promise.all([
      findTranscript(tx, facts.id),
      findRecognition(tx, facts.id),
      learningAgreements.inForce(tx, [facts.id]),
      conversionRules(tx, facts.receivingInstitutionId, facts.sendingInstitutionId),
    ]);
    const agreement = agreements.get(facts.id);
    return {
      mobilityId: facts.id,
      transcript: transcript
        ? {
            issuedOn: transcript.transcript.issuedOn,
            components: transcript.transcript.components,
            recordedAt: toIso(transcript.transcript.recordedAt),
            recordedBy: { id: transcript.transcript.recordedBy, name: transcript.name },
          }
        : null,
      proposal: transcript && agreement ? proposeRecognition(agreement.studied, agreement.recognised, transcript.transcript.components, rules) : [],
      decision: decision
        ? {
            components: decision.recognition.components,
            decidedAt: toIso(decision.recognition.decidedAt),
            decidedBy: { id: decision.recognition.decidedBy, name: decision.name },
          }
        : null,
    };
  }

  async function tell(tx: Executor, facts: MobilityFacts, kind: string, to: string[]) {
    const partner = await institutionName(tx, facts.receivingInstitutionId);
    for (const userId of to) await notify(tx, userId, kind, { mobilityId: facts.id, partner });
  }

  return {
    async view(actor: Actor, mobilityId: string) {
      const { facts } = await visible(db, actor, mobilityId);
      return view(db, facts);
    },

    recordTranscript(who: Who, mobilityId: string, body: z.output<typeof transcriptUpdate>) {
      return inTransaction(db, async (tx) => {
        const { facts, side } = await visible(tx, who.actor, mobilityId, { forUpdate: true });
        if (side !== 'receiving' || who.actor.role !== 'coordinator') throw forbidden('The receiving institution’s coordinators record the transcript.');
        if (facts.status === 'preparing' || facts.status === 'cancelled') throw conflict('not_started', 'A transcript is recorded once the stay has begun.');
        if (facts.status === 'recognised')
          throw conflict('already_recognised', 'The home office has decided on recognition; the transcript no longer changes.');
        const { gradeScale } = await gradingOf(tx, facts.receivingInstitutionId);
        if (!gradeScale) throw conflict('no_grade_scale', 'Declare your institution’s grade scale first.');
        const problems = duplicates(
          body.components.map((c) => c.code.toLowerCase()),
          (i) => `body.components.${i}.code`,
        );
        const components = body.components.map((component, index) => {
          const grade = gradeOn(gradeScale, component.grade);
          if (!grade.valid)
            problems.push({ path: `body.components.${index}.grade`, code: 'grade_not_on_scale', message: `${component.grade} is not a grade of your scale` });
          else if (component.passed !== undefined && component.passed !== grade.passing) {
            problems.push({
              path: `body.components.${index}.passed`,
              code: 'passed_mismatch',
              message: `On your scale ${component.grade} ${grade.passing ? 'passes' : 'fails'}`,
            });
          }
          return {
            code: component.code,
            title: component.title,
            credits: component.credits,
            grade: component.grade,
            passed: grade.passing,
            date: component.date,
          };
        });
        refuse(problems);
        const before = await findTranscript(tx, mobilityId);
        await saveTranscript(tx, { mobilityId, issuedOn: body.issuedOn, components, recordedBy: who.actor.id, recordedAt: clock() });
        await writeAudit(tx, who, {
          action: 'mobility.transcript',
          entityType: 'mobility',
          entityId: mobilityId,
          institutionId: facts.receivingInstitutionId,
          before: before?.transcript.components ?? null,
          after: { issuedOn: body.issuedOn, components },
        });
        await tell(tx, facts, 'mobility.transcript', [facts.studentId, ...(await activeCoordinatorIds(tx, [facts.sendingInstitutionId]))]);
        return view(tx, facts);
      });
    },

    recognise(who: Who, mobilityId: string, body: z.output<typeof recognitionRequest>) {
      return inTransaction(db, async (tx) => {
        const { facts, side } = await visible(tx, who.actor, mobilityId, { forUpdate: true });
        if (side !== 'sending' || who.actor.role !== 'coordinator') throw forbidden('The sending institution’s coordinators decide on recognition.');
        if (facts.status === 'recognised') throw conflict('already_recognised', 'Recognition has been decided already.');
        if (!(await findTranscript(tx, mobilityId))) throw conflict('no_transcript', 'Recognition needs the host’s transcript of records first.');
        if (facts.status !== 'returned') throw conflict('not_returned', 'Recognition follows the student’s return.');
        const [{ gradeScale }, agreements] = await Promise.all([gradingOf(tx, facts.sendingInstitutionId), learningAgreements.inForce(tx, [mobilityId])]);
        const home = new Set((agreements.get(mobilityId)?.recognised ?? []).map((c) => c.code.toLowerCase()));
        const problems = duplicates(
          body.components.map((c) => c.code.toLowerCase()),
          (i) => `body.components.${i}.code`,
        );
        body.components.forEach((component, index) => {
          const at = (field: string) => `body.components.${index}.${field}`;
          if (!home.has(component.code.toLowerCase()))
            problems.push({ path: at('code'), code: 'unknown_component', message: `${component.code} is not a home component of the learning agreement` });
          if (component.recognised && !component.homeGrade) problems.push({ path: at('homeGrade'), code: 'required', message: 'Give the home grade' });
          else if (component.homeGrade && gradeScale && !gradeOn(gradeScale, component.homeGrade).valid) {
            problems.push({ path: at('homeGrade'), code: 'grade_not_on_scale', message: `${component.homeGrade} is not a grade of your scale` });
          }
          if (!component.recognised && component.homeCredits > 0)
            problems.push({ path: at('homeCredits'), code: 'not_recognised', message: 'A component not recognised brings no credits' });
        });
        refuse(problems);
        await insertRecognition(tx, { mobilityId, components: body.components, decidedBy: who.actor.id, decidedAt: clock() });
        await mobilities.recognised(tx, who, mobilityId);
        await writeAudit(tx, who, {
          action: 'mobility.recognition',
          entityType: 'mobility',
          entityId: mobilityId,
          institutionId: facts.sendingInstitutionId,
          after: body.components,
        });
        await tell(tx, facts, 'mobility.recognised', [facts.studentId]);
        return view(tx, { ...facts, status: 'recognised' });
      });
    },

    report: (actor: Actor, academicYear: string) => recognitionReport(db, learningAgreements, actor, academicYear),
  };
}
export type RecognitionService = ReturnType<typeof createRecognitionService>;
