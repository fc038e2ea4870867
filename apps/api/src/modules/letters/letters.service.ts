import type { Database, Executor } from '@exchange/db';
import { mobilitySide, newLetterCode, normaliseLetterCode } from '@exchange/shared';
import { notFound } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import type { MobilityRow } from '../mobilities/index.js';
import { renderLetterPdf } from './letter-pdf.js';
import { findLetterByCode, findLetterOfMobility, insertLetter, letterFacts, listLetters, revokeCurrent } from './letters.repository.js';

export function createLettersService({ db, origin }: { db: Database; origin: string }) {
  return {
    /** Issues the admission letter / invitation, in the host's language and English; a letter issued before is revoked. */
    async issueAdmission(tx: Executor, who: Who, mobility: MobilityRow) {
      const facts = await letterFacts(tx, mobility.applicationId, mobility.sendingInstitutionId, mobility.receivingInstitutionId, who.actor.id);
      await revokeCurrent(tx, mobility.id, 'admission', who.actor.id);
      const letter = await insertLetter(tx, {
        mobilityId: mobility.id,
        kind: 'admission',
        code: newLetterCode(),
        issuedBy: who.actor.id,
        content: {
          ...facts.student,
          sendingInstitution: facts.sending.name,
          receivingInstitution: facts.receiving.name,
          receivingCity: facts.receiving.city,
          programme: mobility.programme ?? '',
          mobilityType: mobility.mobilityType,
          academicYear: mobility.academicYear,
          plannedStart: mobility.plannedStart!,
          plannedEnd: mobility.plannedEnd!,
          locale: facts.receiving.country === 'RU' ? 'ru' : 'zh',
          signedBy: facts.signedBy,
        },
      });
      await writeAudit(tx, who, {
        action: 'letter.issue',
        entityType: 'mobility_letter',
        entityId: letter.id,
        institutionId: mobility.receivingInstitutionId,
        after: { code: letter.code, kind: letter.kind },
      });
      return letter;
    },

    async listFor(tx: Executor, mobilityId: string) {
      return (await listLetters(tx, mobilityId)).map((row) => ({
        id: row.id,
        kind: row.kind,
        code: row.code,
        issuedAt: toIso(row.issuedAt),
        revokedAt: toIsoOrNull(row.revokedAt),
      }));
    },

    /**
     * The letter as a PDF for the student and both offices (a revoked one says so on the page);
     * anyone else gets 404, as for a letter that does not exist. The host's downloads are on record.
     */
    async pdf(who: Who, mobilityId: string, letterId: string) {
      const found = await findLetterOfMobility(db, mobilityId, letterId);
      const side = found ? mobilitySide(who.actor, found) : null;
      if (!found || !side) throw notFound('letter');
      const { letter } = found;
      const content = await renderLetterPdf(
        { code: letter.code, content: letter.content, issuedAt: letter.issuedAt, revoked: letter.revokedAt !== null },
        origin,
      );
      if (side === 'receiving') {
        await writeAudit(db, who, {
          action: 'letter.download',
          entityType: 'mobility_letter',
          entityId: letter.id,
          institutionId: found.receivingInstitutionId,
        });
      }
      return { fileName: `admission-letter-${letter.code}.pdf`, content };
    },

    /** The public check of a letter: genuine or revoked, and only the letter's essentials. */
    async verify(input: string) {
      const code = normaliseLetterCode(input);
      const row = code.length === 14 ? await findLetterByCode(db, code) : undefined;
      if (!row) return { code, status: 'unknown' as const };
      return {
        code,
        status: row.revokedAt ? ('revoked' as const) : ('valid' as const),
        kind: row.kind,
        fullNameLatin: row.content.fullNameLatin,
        sendingInstitution: row.content.sendingInstitution,
        receivingInstitution: row.content.receivingInstitution,
        plannedStart: row.content.plannedStart,
        plannedEnd: row.content.plannedEnd,
        issuedAt: toIso(row.issuedAt),
        revokedAt: toIsoOrNull(row.revokedAt),
      };
    },
  };
}
export type LettersService = ReturnType<typeof createLettersService>;
