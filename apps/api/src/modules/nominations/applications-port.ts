import type { applications as applicationsTable, calls, Executor } from '@exchange/db';
import type { ApplicationStatus, Locale } from '@exchange/shared';

type ApplicationRow = typeof applicationsTable.$inferSelect;
type LoadedApplication = { application: ApplicationRow; call: typeof calls.$inferSelect };
type StatusOptions = { note?: string | null; noteLocale?: Locale | null; params?: Record<string, unknown> };

/** What a nomination needs of the application it nominates (the applications service provides it). */
export type Applications = {
  find(tx: Executor, id: string, options?: { forUpdate?: boolean }): Promise<LoadedApplication | undefined>;
  changeStatus(tx: Executor, loaded: LoadedApplication, to: ApplicationStatus, actorId: string | null, options?: StatusOptions): Promise<ApplicationRow>;
  moveStatus(tx: Executor, id: string, to: ApplicationStatus, actorId: string | null, options?: StatusOptions): Promise<ApplicationRow>;
};
