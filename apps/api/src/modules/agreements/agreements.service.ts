import type { Database, Executor, Transaction } from '@exchange/db';
import { z } from 'zod';
import { agreementCreate, agreementUpdate } from '@exchange/shared';
import { notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import {
  agreementExists,
  agreementPartyIds,
  findAgreement,
  insertAgreement,
  insertParties,
  knownInstitutionIds,
  listAgreements,
  lockAgreement,
  replacePlanItems,
  updateAgreement,
} from './agreements.repository.js';

type PlanInput = z.output<typeof agreementCreate>['plan'];

async function replacePlan(tx: Transaction, agreementId: string, plan: PlanInput, partyIds: string[]) {
  for (const [index, item] of plan.entries()) {
    if (item.responsibleInstitutionId && !partyIds.includes(item.responsibleInstitutionId)) {
      throw unprocessable('not_a_party', 'The responsible institution must be a party of the agreement.', {
        errors: [{ path: `body.plan.${index}.responsibleInstitutionId`, code: 'not_a_party', message: 'Not a party' }],
      });
    }
  }
  await replacePlanItems(tx, agreementId, plan);
}

export function createAgreementsService({ db }: { db: Database }) {
  return {
    /** Whether the agreement exists, read in the caller's transaction. */
    exists: (tx: Executor, id: string) => agreementExists(tx, id),
    /** The institutions party to the agreement (none if there is no such agreement). */
    partyIds: (tx: Executor, id: string) => agreementPartyIds(tx, id),

    list: (limit: number, offset: number) => listAgreements(db, limit, offset),

    async get(id: string) {
      const found = await findAgreement(db, id);
      if (!found) throw notFound('agreement');
      return found;
    },

    create(who: Who, input: z.output<typeof agreementCreate>) {
      return db.transaction(async (tx) => {
        const known = await knownInstitutionIds(tx, input.partyIds);
        if (known.length !== input.partyIds.length) {
          throw unprocessable('institution_not_found', 'Every party must be a known institution.', {
            errors: [{ path: 'body.partyIds', code: 'not_found', message: 'Unknown institution' }],
          });
        }
        const { partyIds, plan, ...fields } = input;
        const created = await insertAgreement(tx, fields);
        await insertParties(tx, created.id, partyIds);
        await replacePlan(tx, created.id, plan, partyIds);
        const after = await findAgreement(tx, created.id);
        await writeAudit(tx, who, {
          action: 'agreement.create',
          entityType: 'agreement',
          entityId: created.id,
          institutionId: null,
          after,
        });
        return after!;
      });
    },

    update(who: Who, id: string, input: z.output<typeof agreementUpdate>) {
      return db.transaction(async (tx) => {
        const locked = await lockAgreement(tx, id);
        if (!locked) throw notFound('agreement');
        const before = await findAgreement(tx, id);
        const { plan, ...fields } = input;
        if (fields.validFrom ?? fields.validTo) {
          const validFrom = fields.validFrom ?? locked.validFrom;
          const validTo = fields.validTo ?? locked.validTo;
          if (validFrom > validTo) {
            throw unprocessable('invalid_validity', 'The agreement must start before it ends.', {
              errors: [{ path: 'body.validTo', code: 'invalid', message: 'Before the start' }],
            });
          }
        }
        if (Object.keys(fields).length > 0) await updateAgreement(tx, id, fields);
        if (plan)
          await replacePlan(
            tx,
            id,
            plan,
            before!.parties.map((party) => party.id),
          );
        const after = await findAgreement(tx, id);
        await writeAudit(tx, who, {
          action: 'agreement.update',
          entityType: 'agreement',
          entityId: id,
          institutionId: null,
          before,
          after,
        });
        return after!;
      });
    },
  };
}
export type AgreementsService = ReturnType<typeof createAgreementsService>;
