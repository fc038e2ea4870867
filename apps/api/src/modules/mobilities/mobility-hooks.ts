import type { Executor } from '@exchange/db';
import { conflict } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { deleteUntouched, findById, findByNomination, insertMobility, updateMobility, type MobilityRow } from './mobilities.repository.js';

type ApprovedNomination = { id: string; applicationId: string; quotaId: string; sendingInstitutionId: string; receivingInstitutionId: string };

/** The nominations service's hooks: a mobility exists exactly while its nomination is approved. */
export function createMobilityHooks() {
  return {
    async open(
      tx: Executor,
      who: Who,
      nomination: ApprovedNomination,
      quota: { academicYear: string; mobilityType: MobilityRow['mobilityType'] },
      studentId: string,
    ) {
      const created = await insertMobility(tx, {
        nominationId: nomination.id,
        applicationId: nomination.applicationId,
        studentId,
        quotaId: nomination.quotaId,
        sendingInstitutionId: nomination.sendingInstitutionId,
        receivingInstitutionId: nomination.receivingInstitutionId,
        academicYear: quota.academicYear,
        mobilityType: quota.mobilityType,
      });
      await writeAudit(tx, who, {
        action: 'mobility.create',
        entityType: 'mobility',
        entityId: created.id,
        institutionId: nomination.receivingInstitutionId,
        after: created,
      });
      return created;
    },

    /** An approval taken back: only while the host has not admitted the student yet. */
    async discard(tx: Executor, nominationId: string) {
      const row = await findByNomination(tx, nominationId, { forUpdate: true });
      if (!row) return;
      if (row.admittedAt) throw conflict('mobility_under_way', 'The student has been admitted already; the sending office can cancel the mobility instead.');
      await deleteUntouched(tx, row.id);
    },

    /** The home office has decided on recognition: the mobility, back home, is `recognised`. */
    async recognised(tx: Executor, who: Who, mobilityId: string) {
      const row = await findById(tx, mobilityId);
      if (!row || row.status !== 'returned') throw conflict('not_returned', 'Recognition follows the student’s return.');
      const after = await updateMobility(tx, row.id, { status: 'recognised' });
      await writeAudit(tx, who, {
        action: 'mobility.recognised',
        entityType: 'mobility',
        entityId: row.id,
        institutionId: row.sendingInstitutionId,
        before: { status: row.status },
        after: { status: after.status },
      });
    },

    /** The nomination is cancelled: so is its mobility, which must not have started. */
    async close(tx: Executor, who: Who, nominationId: string, reason: string | null) {
      const row = await findByNomination(tx, nominationId, { forUpdate: true });
      if (!row || row.status === 'cancelled') return;
      if (row.status !== 'preparing')
        throw conflict('mobility_under_way', 'The student is abroad or back already; a stay that has begun is ended by recording the departure.');
      const after = await updateMobility(tx, row.id, { status: 'cancelled', cancellationReason: reason });
      await writeAudit(tx, who, {
        action: 'mobility.cancel',
        entityType: 'mobility',
        entityId: row.id,
        institutionId: row.sendingInstitutionId,
        before: row,
        after,
      });
    },
  };
}
export type MobilityHooks = ReturnType<typeof createMobilityHooks>;
