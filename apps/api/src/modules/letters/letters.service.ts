import type { Database, Executor } from '@exchange/db';
import { newLetterCode, normaliseLetterCode } from '@exchange/shared';
import { writeAudit, type Who } from '../../lib/audit.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import type { MobilityRow } from '../mobilities/index.js';
import { findLetterByCode, insertLetter, letterFacts, listLetters, revokeCurrent } from './letters.repository.js';

export function createLettersService({ db }: { db: Database }) {
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
