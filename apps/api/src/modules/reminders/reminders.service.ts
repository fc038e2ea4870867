import type { FastifyBaseLogger } from 'fastify';
import type { Database, Executor } from '@exchange/db';
import type { Clock } from '../../lib/clock.js';
import { notify } from '../../lib/notify.js';
import { activeCoordinatorIds } from '../../lib/parties.js';
import { claimComingSteps, claimOverdueSteps, type ClaimedStep } from './reminders.repository.js';

/** How many days before a step is due its owner is reminded. */
export const reminderDaysAhead = 3;
const batch = 50;

/**
 * Reminds the owner side of a checklist step a few days before it is due, and tells both
 * offices (and a student who owns the step) once it is overdue. Each step is announced once,
 * whichever API instance runs first (see the repository); nothing is kept in memory, so an
 * instance may stop at any time.
 */
export function createReminders({ db, clock, log }: { db: Database; clock: Clock; log?: FastifyBaseLogger }) {
  async function ownersOf(tx: Executor, step: ClaimedStep): Promise<string[]> {
    if (step.owner === 'student') return [step.studentId];
    const institutionId = step.owner === 'sending' ? step.sendingInstitutionId : step.receivingInstitutionId;
    return activeCoordinatorIds(tx, [institutionId]);
  }

  async function bothOffices(tx: Executor, step: ClaimedStep): Promise<string[]> {
    const offices = await activeCoordinatorIds(tx, [step.sendingInstitutionId, step.receivingInstitutionId]);
    return step.owner === 'student' ? [step.studentId, ...offices] : offices;
  }

  const paramsOf = (step: ClaimedStep) => ({
    step: step.title,
    due: step.dueOn,
    student: step.student,
    studentLatin: step.studentLatin,
    mobilityId: step.mobilityId,
  });

  /** One round: claims and announces what is due; returns how many steps were announced. */
  async function sendDue(): Promise<{ reminded: number; overdue: number }> {
    const now = clock();
    const reminded = await db.transaction(async (tx) => {
      const steps = await claimComingSteps(tx, now, reminderDaysAhead, batch);
      for (const step of steps) for (const userId of await ownersOf(tx, step)) await notify(tx, userId, 'mobility.step_due', paramsOf(step));
      return steps.length;
    });
    const overdue = await db.transaction(async (tx) => {
      const steps = await claimOverdueSteps(tx, now, batch);
      for (const step of steps) for (const userId of await bothOffices(tx, step)) await notify(tx, userId, 'mobility.step_overdue', paramsOf(step));
      return steps.length;
    });
    return { reminded, overdue };
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  /** Other once-only announcements that run in the same rounds (the plan's deadlines, the agreements' expiry). */
  const others: (() => Promise<unknown>)[] = [];
  const round = async () => {
    for (const task of [sendDue, ...others]) await task().catch((error) => log?.error({ err: error }, 'reminders failed'));
  };
  return {
    sendDue,
    alsoRun(task: () => Promise<unknown>) {
      others.push(task);
    },
    /** Runs a round every `intervalMs` (the server does; tests call `sendDue`). */
    start(intervalMs = 60_000) {
      timer = setInterval(() => {
        running = running.then(round);
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
export type Reminders = ReturnType<typeof createReminders>;
