import type { Executor } from '@exchange/db';
import { notificationKinds, type ApplicationStatus, type Locale } from '@exchange/shared';
import { notify } from '../../lib/notify.js';
import { insertHistory, updateStatus } from './application-changes.repository.js';
import type { ApplicationRow, findApplication, toApplications } from './applications.repository.js';

/** An application with its call, as `findApplication` reads it. */
export type Loaded = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/** An application as a reader sees it, as `toApplications` shapes it. */
export type ApplicationView = Awaited<ReturnType<typeof toApplications>>[number];

/** Moves an application to a new status: history, the student's notification, all in `tx`. */
export async function changeStatus(
  tx: Executor,
  loaded: Loaded,
  to: ApplicationStatus,
  actorId: string | null,
  options: { note?: string | null; noteLocale?: Locale | null; params?: Record<string, unknown>; extra?: Partial<ApplicationRow> } = {},
) {
  const updated = await updateStatus(tx, loaded.application.id, to, options.extra);
  await insertHistory(tx, {
    applicationId: loaded.application.id,
    fromStatus: loaded.application.status,
    toStatus: to,
    actorId,
    note: options.note ?? null,
    noteLocale: options.note ? (options.noteLocale ?? null) : null,
  });
  const kind = `application.${to}`;
  if (notificationKinds.includes(kind)) {
    await notify(tx, loaded.application.studentId, kind, {
      call: loaded.call.title,
      applicationId: loaded.application.id,
      ...options.params,
    });
  }
  return updated;
}
