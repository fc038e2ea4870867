import { countedMonths, isOverdue, type ChecklistItemStatus, type Mobility, type MobilitySummary } from '@exchange/shared';
import { toIso } from '../../lib/route.js';
import type { JoinedMobility } from './mobilities.repository.js';

type Step = {
  mobilityId: string;
  key: string;
  title: Mobility['callTitle'];
  owner: 'student' | 'sending' | 'receiving';
  dueOn: string | null;
  status: ChecklistItemStatus;
};

/** The fields every view of a mobility shares. */
export function mobilityFields({ mobility, callTitle }: JoinedMobility) {
  return {
    id: mobility.id,
    nominationId: mobility.nominationId,
    applicationId: mobility.applicationId,
    studentId: mobility.studentId,
    quotaId: mobility.quotaId,
    sendingInstitutionId: mobility.sendingInstitutionId,
    receivingInstitutionId: mobility.receivingInstitutionId,
    academicYear: mobility.academicYear,
    mobilityType: mobility.mobilityType,
    callTitle,
    status: mobility.status,
    plannedStart: mobility.plannedStart,
    plannedEnd: mobility.plannedEnd,
    arrivedOn: mobility.arrivedOn,
    departedOn: mobility.departedOn,
    interrupted: mobility.interrupted,
    interruptionReason: mobility.interruptionReason,
    programme: mobility.programme,
    funding: mobility.funding ?? null,
    months: countedMonths(mobility),
    version: mobility.version,
    createdAt: toIso(mobility.createdAt),
    updatedAt: toIso(mobility.updatedAt),
  };
}

/** A list row: the mobility with how many of its open steps are overdue and which comes next. */
export function toSummary(row: JoinedMobility, steps: Step[], today: string): MobilitySummary {
  const own = steps.filter((step) => step.mobilityId === row.mobility.id);
  const next = own[0];
  return {
    ...mobilityFields(row),
    student: { fullName: row.fullName, fullNameLatin: row.fullNameLatin },
    overdue: own.filter((step) => isOverdue(step, today)).length,
    openSteps: own.map((step) => step.key),
    next: next ? { title: next.title, dueOn: next.dueOn, owner: next.owner } : null,
  };
}
