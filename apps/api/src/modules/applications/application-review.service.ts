/**
 * The home office's review of a submitted application: score, eligibility and a comment the
 * student reads in the language it was written in. Part of the applications service, which
 * passes its loaders.
 */
import type { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import { canReviewApplication, type Actor, type ApplicationStatus, type reviewBody } from '@exchange/shared';
import { conflict, forbidden } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { writerLocale } from '../../lib/writer-locale.js';
import type { Clock } from '../../lib/clock.js';
import { updateApplication } from './application-changes.repository.js';
import { changeStatus, type ApplicationView, type Loaded } from './status.js';

type Loaders = {
  db: Database;
  clock: Clock;
  /** An application the actor may see (anything else is missing). */
  load(tx: Executor, actor: Actor, id: string, options?: { forUpdate?: boolean }): Promise<Loaded>;
  /** The application as the actor sees it. */
  view(tx: Executor, actor: Actor, loaded: Loaded): Promise<ApplicationView>;
};

export function reviewOperations({ db, clock, load, view }: Loaders) {
  return {
    review(who: Who, id: string, input: z.output<typeof reviewBody>) {
      return db.transaction(async (tx) => {
        const loaded = await load(tx, who.actor, id, { forUpdate: true });
        if (!canReviewApplication(who.actor, { homeInstitutionId: loaded.call.institutionId }))
          throw forbidden('Reviews are written by the home international office.');
        if (!['submitted', 'ineligible'].includes(loaded.application.status)) {
          throw conflict('not_reviewable', 'Only submitted applications are reviewed, before the allocation.');
        }
        const before = {
          score: loaded.application.reviewScore,
          eligible: loaded.application.reviewEligible,
          comment: loaded.application.reviewComment,
          status: loaded.application.status,
        };
        const commentLocale = input.comment ? await writerLocale(tx, who.actor.id) : null;
        const review = {
          reviewScore: input.score,
          reviewEligible: input.eligible,
          reviewComment: input.comment || null,
          reviewCommentLocale: commentLocale,
          reviewedBy: who.actor.id,
          reviewedAt: clock(),
        };
        const target: ApplicationStatus = input.eligible ? 'submitted' : 'ineligible';
        const updated =
          target !== loaded.application.status
            ? await changeStatus(tx, loaded, target, who.actor.id, {
                note: input.eligible ? null : input.comment,
                noteLocale: commentLocale,
                params: { reason: input.comment, reasonLocale: commentLocale },
                extra: review,
              })
            : await updateApplication(tx, id, review);
        await writeAudit(tx, who, {
          action: 'application.review',
          entityType: 'application',
          entityId: id,
          institutionId: loaded.call.institutionId,
          before,
          after: { score: input.score, eligible: input.eligible, comment: input.comment, status: updated.status },
        });
        return view(tx, who.actor, { ...loaded, application: updated });
      });
    },
  };
}
