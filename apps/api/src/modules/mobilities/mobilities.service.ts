import type { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import {
  canManageOutgoing,
  localDateIn,
  mobilitySide,
  passportCoversStay,
  type Actor,
  type admissionRequest,
  type arrivalRequest,
  type departureRequest,
  type fundingRequest,
  type Mobility,
  type mobilityListQuery,
} from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { notify } from '../../lib/notify.js';
import { inTransaction } from '../../lib/transaction.js';
import {
  findIdentity,
  findMobility,
  listMobilities,
  openSteps,
  updateMobility,
  type JoinedMobility,
  type MobilityFilter,
  type MobilityRow,
} from './mobilities.repository.js';
import { activeCoordinatorIds, institutionName } from '../../lib/parties.js';
import { requireMonthsLeft, requireWithinAgreement } from './mobility-checks.js';
import { createMobilityHooks } from './mobility-hooks.js';
import { mobilityFields, toSummary } from './mobility-view.js';
import type { Checklist, LearningAgreements, Letters, Nominations } from './ports.js';

type Dependencies = {
  db: Database;
  clock: Clock;
  letters: Letters;
  checklist: Checklist;
  learningAgreements: LearningAgreements;
  nominations: () => Nominations;
};

const isHostCoordinator = (actor: Actor, row: MobilityRow) => actor.role === 'coordinator' && actor.institutionId === row.receivingInstitutionId;

export function createMobilitiesService({ db, clock, letters, checklist, learningAgreements, nominations }: Dependencies) {
  const hostToday = (loaded: JoinedMobility) => localDateIn(clock(), loaded.hostTimeZone);

  async function loadVisible(tx: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
    const loaded = await findMobility(tx, id, options);
    if (!loaded || !mobilitySide(actor, loaded.mobility)) throw notFound('mobility');
    return loaded;
  }

  /** Loads a mobility to change it: locked, visible, and as recent as the version the actor saw. */
  async function loadForChange(tx: Executor, actor: Actor, id: string, version: number | undefined) {
    const loaded = await loadVisible(tx, actor, id, { forUpdate: true });
    if (version !== undefined && version !== loaded.mobility.version) {
      throw conflict('stale_version', 'The mobility has changed since you opened it; look again before acting.', { version: loaded.mobility.version });
    }
    if (loaded.mobility.status === 'cancelled') throw conflict('mobility_cancelled', 'This mobility was cancelled; nothing more can be done on it.');
    return loaded;
  }

  function requireHost(actor: Actor, loaded: JoinedMobility) {
    if (!isHostCoordinator(actor, loaded.mobility))
      throw forbidden('Admission, arrival and departure are recorded by the receiving institution’s coordinators.');
  }

  async function toMobility(tx: Executor, who: Who, loaded: JoinedMobility): Promise<Mobility> {
    const side = mobilitySide(who.actor, loaded.mobility)!;
    const [identity, items, issued, agreement] = await Promise.all([
      findIdentity(tx, loaded.mobility.applicationId),
      checklist.itemsFor(tx, loaded, hostToday(loaded)),
      letters.listFor(tx, loaded.mobility.id),
      learningAgreements.summaryFor(tx, loaded.mobility.id),
    ]);
    // The host sees the border data because the mobility exists; each such read is on record.
    if (side === 'receiving') {
      await writeAudit(tx, who, {
        action: 'mobility.identity_read',
        entityType: 'mobility',
        entityId: loaded.mobility.id,
        institutionId: loaded.mobility.receivingInstitutionId,
      });
    }
    return { ...mobilityFields(loaded), student: identity!, checklist: items, letters: issued, learningAgreement: agreement };
  }

  async function change(
    who: Who,
    id: string,
    version: number | undefined,
    work: (tx: Executor, loaded: JoinedMobility) => Promise<{ action: string; after: MobilityRow }>,
  ) {
    return inTransaction(db, async (tx) => {
      const loaded = await loadForChange(tx, who.actor, id, version);
      const { action, after } = await work(tx, loaded);
      await writeAudit(tx, who, {
        action,
        entityType: 'mobility',
        entityId: id,
        institutionId: action === 'mobility.funding' ? after.sendingInstitutionId : after.receivingInstitutionId,
        before: loaded.mobility,
        after,
      });
      return toMobility(tx, who, (await findMobility(tx, id))!);
    });
  }

  return {
    /** The nominations service's hooks: a mobility exists exactly while its nomination is approved. */
    hooks: createMobilityHooks(),

    async list(actor: Actor, query: z.output<typeof mobilityListQuery>) {
      const filter: MobilityFilter = { status: query.status, academicYear: query.academicYear };
      if (actor.role === 'student') filter.studentId = actor.id;
      else if (actor.role !== 'admin') filter.institution = { id: actor.institutionId ?? '', direction: query.direction };
      const { rows, total } = await listMobilities(db, filter, query.limit, query.offset);
      const steps = await openSteps(
        db,
        rows.map((row) => row.mobility.id),
      );
      // Each row's due dates are the host's: overdue is judged by the host's today.
      return { items: rows.map((row) => toSummary(row, steps, hostToday(row))), total, limit: query.limit, offset: query.offset };
    },

    async view(who: Who, id: string) {
      return inTransaction(db, async (tx) => toMobility(tx, who, await loadVisible(tx, who.actor, id)));
    },

    /** The host admits the student: the planned dates, the programme, the letter and the checklist. */
    admit(who: Who, id: string, body: z.output<typeof admissionRequest>) {
      return change(who, id, body.version, async (tx, loaded) => {
        requireHost(who.actor, loaded);
        if (loaded.mobility.admittedAt) throw conflict('already_admitted', 'The student has been admitted already.');
        await requireWithinAgreement(tx, loaded.mobility.quotaId, [
          { path: 'body.plannedStart', value: body.plannedStart },
          { path: 'body.plannedEnd', value: body.plannedEnd },
        ]);
        const identity = await findIdentity(tx, loaded.mobility.applicationId);
        if (!passportCoversStay(identity?.passportExpiresOn ?? null, body.plannedEnd)) {
          throw unprocessable('passport_expires', 'The student’s passport must be valid until after the planned end; ask the student to renew it first.', {
            errors: [{ path: 'body.plannedEnd', code: 'passport_expires', message: `The passport expires on ${identity?.passportExpiresOn ?? '—'}` }],
          });
        }
        await requireMonthsLeft(tx, loaded.mobility, { start: body.plannedStart, end: body.plannedEnd });
        const after = await updateMobility(tx, id, {
          plannedStart: body.plannedStart,
          plannedEnd: body.plannedEnd,
          programme: body.programme,
          admittedAt: clock(),
        });
        await letters.issueAdmission(tx, who, after);
        await checklist.onAdmitted(tx, { ...loaded, mobility: after }, body.requestedDocuments);
        // The student and the home office hear of it at once, each in their language.
        const partner = await institutionName(tx, after.receivingInstitutionId);
        for (const userId of [after.studentId, ...(await activeCoordinatorIds(tx, [after.sendingInstitutionId]))]) {
          await notify(tx, userId, 'mobility.admitted', { partner, student: loaded.fullName, studentLatin: loaded.fullNameLatin, mobilityId: id });
        }
        return { action: 'mobility.admit', after };
      });
    },

    arrive(who: Who, id: string, body: z.output<typeof arrivalRequest>) {
      return change(who, id, body.version, async (tx, loaded) => {
        requireHost(who.actor, loaded);
        if (!loaded.mobility.admittedAt) throw conflict('not_admitted', 'Admit the student before confirming the arrival.');
        if (loaded.mobility.status !== 'preparing') throw conflict('already_arrived', 'The arrival has been confirmed already.');
        if (body.date > hostToday(loaded))
          throw unprocessable('date_in_future', 'An arrival is confirmed on or after the day it happens.', {
            errors: [{ path: 'body.date', code: 'date_in_future', message: 'Not after today' }],
          });
        await requireWithinAgreement(tx, loaded.mobility.quotaId, [{ path: 'body.date', value: body.date }]);
        const after = await updateMobility(tx, id, { status: 'abroad', arrivedOn: body.date });
        await checklist.onArrived(tx, { ...loaded, mobility: after });
        return { action: 'mobility.arrive', after };
      });
    },

    depart(who: Who, id: string, body: z.output<typeof departureRequest>) {
      return change(who, id, body.version, async (tx, loaded) => {
        requireHost(who.actor, loaded);
        if (loaded.mobility.status === 'preparing') throw conflict('not_arrived', 'Confirm the arrival before the departure.');
        if (loaded.mobility.status !== 'abroad') throw conflict('already_departed', 'The departure has been recorded already.');
        const arrived = loaded.mobility.arrivedOn!;
        if (body.date < arrived) {
          throw unprocessable('departure_before_arrival', `The student arrived on ${arrived}; the departure cannot come before it.`, {
            errors: [{ path: 'body.date', code: 'departure_before_arrival', message: `On or after ${arrived}` }],
          });
        }
        if (body.date > hostToday(loaded))
          throw unprocessable('date_in_future', 'A departure is recorded on or after the day it happens.', {
            errors: [{ path: 'body.date', code: 'date_in_future', message: 'Not after today' }],
          });
        await requireWithinAgreement(tx, loaded.mobility.quotaId, [{ path: 'body.date', value: body.date }]);
        await requireMonthsLeft(tx, loaded.mobility, { start: arrived, end: body.date });
        const after = await updateMobility(tx, id, {
          status: 'returned',
          departedOn: body.date,
          interrupted: body.interrupted,
          interruptionReason: body.interrupted ? body.reason : null,
        });
        return { action: body.interrupted ? 'mobility.interrupt' : 'mobility.depart', after };
      });
    },

    /** Before departure only: the nomination is cancelled with it, its seat freed for the waiting list. */
    cancel(who: Who, id: string, body: { version?: number; reason: string }) {
      return inTransaction(db, async (tx) => {
        const loaded = await loadForChange(tx, who.actor, id, body.version);
        if (!canManageOutgoing(who.actor, loaded.mobility.sendingInstitutionId))
          throw forbidden('A mobility is cancelled by the sending institution’s coordinators.');
        if (loaded.mobility.status !== 'preparing')
          throw conflict('mobility_under_way', 'The student is abroad or back already; a stay that has begun is ended by recording the departure.');
        await nominations().cancelInside(tx, who, loaded.mobility.nominationId, body.reason);
        return toMobility(tx, who, (await findMobility(tx, id))!);
      });
    },

    /** Funding is the sending office's business. */
    setFunding(who: Who, id: string, body: z.output<typeof fundingRequest>) {
      return change(who, id, body.version, async (tx, loaded) => {
        if (!canManageOutgoing(who.actor, loaded.mobility.sendingInstitutionId))
          throw forbidden('Funding is recorded by the sending institution’s coordinators.');
        const after = await updateMobility(tx, id, { funding: body.funding });
        return { action: 'mobility.funding', after };
      });
    },
  };
}
export type MobilitiesService = ReturnType<typeof createMobilitiesService>;
