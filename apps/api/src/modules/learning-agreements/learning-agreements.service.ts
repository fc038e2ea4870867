/**
 * The learning agreement: the student writes the components to study at the host and those to
 * be recognised at home, and proposes it (which is the student's signature); the sending office,
 * then the receiving office, sign it or send it back with a comment. Once signed, it stays in
 * force until a change proposal (components added or removed, each with a reason) is signed
 * the same way. Every proposal has its own `proposalId`: acting on another answers 409.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import {
  changeProblems,
  changesSomething,
  inForce,
  mobilitySide,
  type Actor,
  type LearningAgreementContent,
  type learningAgreementComment,
  type Locale,
} from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { notify } from '../../lib/notify.js';
import { activeCoordinatorIds, institutionName } from '../../lib/parties.js';
import { inTransaction } from '../../lib/transaction.js';
import { writerLocale } from '../../lib/writer-locale.js';
import { renderLearningAgreementPdf } from './learning-agreement-pdf.js';
import { partsOf, toAgreement, toSummary } from './learning-agreement-view.js';
import {
  findMobilityFacts,
  insertVersion,
  listVersions,
  nextNumber,
  partiesOf,
  signedContents,
  signerName,
  studentOf,
  updateVersion,
  type MobilityFacts,
  type VersionRow,
} from './learning-agreements.repository.js';

type Dependencies = { db: Database; clock: Clock };
type Field = { path: string; code: string; message: string };

const invalid = (code: string, message: string, errors: Field[]) => unprocessable(code, message, { errors });

/** A change proposal's marks must match the version in force; the first version has none to match. */
function contentProblems(content: LearningAgreementContent, inForce: VersionRow | undefined): Field[] {
  const lists = ['studied', 'recognised'] as const;
  if (!inForce) {
    return lists.flatMap((list) =>
      content[list].flatMap((component, index) =>
        component.change
          ? [{ path: `body.${list}.${index}.change`, code: 'no_signed_version', message: 'A change proposal needs a signed learning agreement first' }]
          : [],
      ),
    );
  }
  const current = (list: (typeof lists)[number]) => inForce.content[list].filter((component) => component.change !== 'removed');
  return lists.flatMap((list) =>
    changeProblems(content[list], current(list) as LearningAgreementContent[typeof list]).map((problem) => ({
      path: problem.index === null ? `body.${list}` : `body.${list}.${problem.index}.${problem.field}`,
      code: problem.code,
      message: problem.message,
    })),
  );
}

export function createLearningAgreementsService({ db, clock }: Dependencies) {
  async function visible(tx: Executor, actor: Actor, mobilityId: string, options: { forUpdate?: boolean } = {}) {
    const facts = await findMobilityFacts(tx, mobilityId, options);
    const side = facts && mobilitySide(actor, facts);
    if (!facts || !side) throw notFound('mobility');
    return { facts, side };
  }

  /** Locks the mobility, checks the caller may act as `role`, and loads the agreement's rows. */
  async function loadForChange(tx: Executor, who: Who, mobilityId: string, role: 'student' | 'coordinator') {
    const { facts, side } = await visible(tx, who.actor, mobilityId, { forUpdate: true });
    if (role === 'student' && side !== 'student') throw forbidden('The student writes and proposes the learning agreement.');
    if (role === 'coordinator' && (who.actor.role !== 'coordinator' || (side !== 'sending' && side !== 'receiving'))) {
      throw forbidden('The sending and the receiving office’s coordinators sign the learning agreement.');
    }
    if (facts.status === 'cancelled') throw conflict('mobility_cancelled', 'This mobility was cancelled; nothing more can be done on it.');
    return { facts, side, rows: await listVersions(tx, mobilityId) };
  }

  const requireOpenMobility = (facts: MobilityFacts) => {
    if (facts.status !== 'preparing' && facts.status !== 'abroad') {
      throw conflict('mobility_closed', 'The stay is over: the learning agreement can no longer change.');
    }
  };

  /** The proposal the office acts on must be the one awaiting signatures. */
  function requireCurrent(pending: VersionRow | undefined, proposalId: string) {
    if (!pending || pending.proposalId !== proposalId) {
      throw conflict('stale_proposal', 'The learning agreement has changed since you opened it; look at the current proposal first.', {
        proposalId: pending?.proposalId ?? null,
      });
    }
    return pending;
  }

  const signatureOf = async (tx: Executor, who: Who) => ({ userId: who.actor.id, name: await signerName(tx, who.actor.id), at: clock().toISOString() });

  async function tell(tx: Executor, facts: MobilityFacts, kind: string, to: string[], extra: Record<string, unknown> = {}) {
    const [student, partner] = await Promise.all([studentOf(tx, facts), institutionName(tx, facts.receivingInstitutionId)]);
    const params = { mobilityId: facts.id, student: student.fullName, studentLatin: student.fullNameLatin, partner, ...extra };
    for (const userId of to) await notify(tx, userId, kind, params);
  }

  async function audit(tx: Executor, who: Who, action: string, facts: MobilityFacts, row: VersionRow, before?: VersionRow) {
    await writeAudit(tx, who, {
      action: `learning_agreement.${action}`,
      entityType: 'learning_agreement_version',
      entityId: row.id,
      institutionId: facts.sendingInstitutionId,
      before: before ? { status: before.status, content: before.content } : undefined,
      after: { mobilityId: facts.id, number: row.number, proposalId: row.proposalId, status: row.status, content: row.content },
    });
  }

  return {
    async view(actor: Actor, mobilityId: string) {
      await visible(db, actor, mobilityId);
      return toAgreement(mobilityId, await listVersions(db, mobilityId));
    },

    /** The components in force per mobility (removed ones left out), for recognition and its report. */
    async inForce(db: Executor, mobilityIds: string[]) {
      const rows = await signedContents(db, mobilityIds);
      return new Map(rows.map((row) => [row.mobilityId, { studied: inForce(row.content.studied), recognised: inForce(row.content.recognised) }]));
    },

    /** The summary the mobility's page shows. */
    async summaryFor(db: Executor, mobilityId: string) {
      return toSummary(await listVersions(db, mobilityId));
    },

    /** The student saves what they are writing: the first version, or a change to the one in force. */
    saveDraft(who: Who, mobilityId: string, content: LearningAgreementContent) {
      return inTransaction(db, async (tx) => {
        const { facts, rows } = await loadForChange(tx, who, mobilityId, 'student');
        requireOpenMobility(facts);
        const { pending, inForce, draft } = partsOf(rows);
        if (pending) throw conflict('proposal_pending', 'A proposal awaits the offices’ signatures; wait for it to be signed or sent back.');
        const problems = contentProblems(content, inForce);
        if (problems.length > 0) throw invalid(problems[0]!.code, problems[0]!.message, problems);
        const kind = inForce ? 'changes' : 'first';
        const saved = draft ? await updateVersion(tx, draft.id, { content, kind }) : await insertVersion(tx, { mobilityId, status: 'draft', kind, content });
        await audit(tx, who, 'draft', facts, saved, draft);
        return toAgreement(mobilityId, await listVersions(tx, mobilityId));
      });
    },

    /** The student signs the draft and sends it to the sending office. */
    propose(who: Who, mobilityId: string, draftUpdatedAt?: string) {
      return inTransaction(db, async (tx) => {
        const { facts, rows } = await loadForChange(tx, who, mobilityId, 'student');
        requireOpenMobility(facts);
        const { pending, inForce, draft } = partsOf(rows);
        if (pending) throw conflict('proposal_pending', 'A proposal awaits the offices’ signatures already.');
        if (!draft) throw conflict('no_draft', 'Write the learning agreement first.');
        if (draftUpdatedAt && new Date(draftUpdatedAt).getTime() !== draft.updatedAt.getTime()) {
          throw conflict('stale_draft', 'The draft has changed since you read it; read it again before signing.');
        }
        const { content } = draft;
        const missing: Field[] = [];
        if (content.studied.length === 0) missing.push({ path: 'body.studied', code: 'required', message: 'List at least one component to study at the host' });
        if (content.recognised.length === 0)
          missing.push({ path: 'body.recognised', code: 'required', message: 'List at least one component to be recognised at home' });
        if (!content.languageOfInstruction)
          missing.push({ path: 'body.languageOfInstruction', code: 'required', message: 'Give the language of instruction and your level in it' });
        if (inForce && !changesSomething([...content.studied, ...content.recognised])) {
          missing.push({ path: 'body.studied', code: 'no_change', message: 'A change proposal adds or removes at least one component' });
        }
        const problems = [...missing, ...contentProblems(content, inForce)];
        if (problems.length > 0) throw invalid('incomplete_learning_agreement', problems[0]!.message, problems);
        const proposed = await updateVersion(tx, draft.id, {
          status: 'proposed',
          number: await nextNumber(tx, mobilityId),
          proposalId: randomUUID(),
          studentSignature: await signatureOf(tx, who),
          proposedAt: clock(),
        });
        await audit(tx, who, 'propose', facts, proposed, draft);
        await tell(tx, facts, 'learning_agreement.proposed', await activeCoordinatorIds(tx, [facts.sendingInstitutionId]));
        return toAgreement(mobilityId, await listVersions(tx, mobilityId));
      });
    },

    /** An office signs the current proposal: the sending office first, then the receiving one. */
    approve(who: Who, mobilityId: string, proposalId: string) {
      return inTransaction(db, async (tx) => {
        const { facts, side, rows } = await loadForChange(tx, who, mobilityId, 'coordinator');
        const pending = requireCurrent(partsOf(rows).pending, proposalId);
        let signed: VersionRow;
        if (side === 'sending') {
          if (pending.sendingSignature) throw conflict('already_signed', 'Your office has signed this proposal already; it awaits the receiving office.');
          signed = await updateVersion(tx, pending.id, { sendingSignature: await signatureOf(tx, who) });
          await tell(tx, facts, 'learning_agreement.to_sign', await activeCoordinatorIds(tx, [facts.receivingInstitutionId]));
        } else {
          if (!pending.sendingSignature) throw conflict('awaiting_sending', 'The sending office signs first; this proposal awaits its signature.');
          signed = await updateVersion(tx, pending.id, { receivingSignature: await signatureOf(tx, who), status: 'signed', signedAt: clock() });
          const offices = await activeCoordinatorIds(tx, [facts.sendingInstitutionId]);
          await tell(tx, facts, 'learning_agreement.signed', [facts.studentId, ...offices]);
        }
        await audit(tx, who, `sign_${side}`, facts, signed, pending);
        return toAgreement(mobilityId, await listVersions(tx, mobilityId));
      });
    },

    /** An office sends the proposal back with a comment; the student edits it from where it was. */
    comment(who: Who, mobilityId: string, body: z.output<typeof learningAgreementComment>) {
      return inTransaction(db, async (tx) => {
        const { facts, side, rows } = await loadForChange(tx, who, mobilityId, 'coordinator');
        const pending = requireCurrent(partsOf(rows).pending, body.proposalId);
        const returned = await updateVersion(tx, pending.id, {
          status: 'returned',
          comment: body.comment,
          commentLocale: body.locale ?? ((await writerLocale(tx, who.actor.id)) as Locale | null),
          commentSide: side as 'sending' | 'receiving',
          commentBy: who.actor.id,
          commentByName: await signerName(tx, who.actor.id),
          commentAt: clock(),
        });
        await insertVersion(tx, { mobilityId, status: 'draft', kind: pending.kind, content: pending.content });
        await audit(tx, who, 'return', facts, returned, pending);
        await tell(tx, facts, 'learning_agreement.returned', [facts.studentId], { reason: body.comment, reasonLocale: returned.commentLocale });
        return toAgreement(mobilityId, await listVersions(tx, mobilityId));
      });
    },

    /** The version in force as a PDF in the reader's language. */
    async pdf(actor: Actor, mobilityId: string, asked: Locale | undefined) {
      const { facts } = await visible(db, actor, mobilityId);
      const locale = asked ?? (await writerLocale(db, actor.id)) ?? 'en';
      const { inForce } = partsOf(await listVersions(db, mobilityId));
      if (!inForce) throw notFound('signed learning agreement');
      const [parties, student] = await Promise.all([partiesOf(db, facts), studentOf(db, facts)]);
      const content = await renderLearningAgreementPdf({ version: inForce, facts, parties, student, locale });
      return { content, fileName: `learning-agreement-v${inForce.number}-${locale}.pdf` };
    },
  };
}
export type LearningAgreementsService = ReturnType<typeof createLearningAgreementsService>;
