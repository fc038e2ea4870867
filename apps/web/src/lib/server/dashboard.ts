/**
 * What the signed-in user's home page shows: the work waiting for them now, with counts and
 * links. A few list calls in parallel (each asks for a short page and reads `total`); a part
 * that cannot be loaded is left out instead of failing the whole page.
 */
import {
  academicYearOf,
  expiryWarningDays,
  type Agreement,
  type ApplicationPage,
  type ApplicationSummary,
  type Call,
  type Event,
  type Flows,
  type MobilityReport,
  type MobilitySummary,
  type MyRegistration,
  type Nomination,
  type User,
} from '@exchange/shared';
import type { Api } from './api';
import { log } from './log';

export type ClosedCall = { call: Call; submitted: number };

export type Dashboard = {
  /** Student: own applications (newest first), open calls, upcoming registrations. */
  applications?: { items: ApplicationSummary[]; total: number };
  openCalls?: { items: Call[]; total: number };
  registrations?: MyRegistration[];
  /** Student: the latest mobility, once a partner approved a nomination. */
  mobility?: MobilitySummary;
  /** Office: submitted applications not reviewed yet, per status counts of the home institution. */
  toReview?: number;
  statusCounts?: ApplicationPage['counts'];
  /** Closed calls of the office that still have submitted applications to allocate. */
  toAllocate?: ClosedCall[];
  /** Incoming nominees waiting for this side's decision. */
  incoming?: { items: Nomination[]; total: number };
  /** Outgoing nominees still waiting for the partner. */
  outgoingPending?: number;
  eventsThisWeek?: { items: Event[]; total: number };
  pendingStudents?: number;
  flows?: Flows;
  /** Staff and administrators: where the year's mobilities stand, per direction. */
  mobilities?: MobilityReport;
  academicYear?: string;
  /** Administrators: active agreements ending within 90 days. */
  expiring?: Agreement[];
};

const week = 7 * 24 * 60 * 60 * 1000;

async function settle<T>(label: string, promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    log.warn(`Home page: ${label} unavailable`, { error: String(error) });
    return undefined;
  }
}

export async function loadDashboard(api: Api, user: User, now = new Date()): Promise<Dashboard> {
  const exchange = api.exchange;
  if (user.role === 'student') {
    const [applications, openCalls, registrations, mobilities] = await Promise.all([
      settle('applications', exchange.applications({ limit: 10, sort: 'submittedAt', order: 'desc' })),
      settle('open calls', exchange.calls({ open: 'true', limit: 5 })),
      settle('registrations', api.events.myRegistrations()),
      settle('mobilities', api.mobilities.mobilities({ limit: 1 })),
    ]);
    const upcoming = registrations
      ?.filter((entry) => entry.status !== 'cancelled' && new Date(entry.event.endsAt) >= now)
      .sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt))
      .slice(0, 5);
    return {
      applications: applications && { items: applications.items, total: applications.total },
      openCalls: openCalls && { items: openCalls.items, total: openCalls.total },
      registrations: upcoming,
      mobility: mobilities?.items[0],
    };
  }

  const academicYear = academicYearOf(now);
  const office = user.role === 'coordinator' || user.role === 'reviewer';
  const [counts, unreviewed, calls, incoming, outgoing, events, pending, flows, mobilities] = await Promise.all([
    office ? settle('applications', exchange.applications({ limit: 1 })) : undefined,
    office ? settle('applications to review', exchange.applications({ status: 'submitted', reviewed: 'false', limit: 1 })) : undefined,
    user.role === 'coordinator' ? settle('calls', exchange.calls({ status: 'published', open: 'false', limit: 20 })) : undefined,
    settle('incoming nominations', exchange.nominations({ direction: user.role === 'admin' ? undefined : 'incoming', status: 'pending', limit: 5 })),
    office ? settle('outgoing nominations', exchange.nominations({ direction: 'outgoing', status: 'pending', limit: 1 })) : undefined,
    user.role === 'coordinator'
      ? settle('events', api.events.list({ from: now.toISOString(), to: new Date(now.getTime() + week).toISOString(), limit: 20 }))
      : undefined,
    user.role === 'coordinator' || user.role === 'admin' ? settle('pending students', api.users({ status: 'pending', role: 'student', limit: 1 })) : undefined,
    user.role === 'admin' ? settle('flows', exchange.flows(academicYear)) : undefined,
    settle('mobilities', api.mobilities.report(academicYear)),
  ]);

  // Closed calls (past their window) of the office: how many submitted applications wait for the allocation.
  let toAllocate: ClosedCall[] | undefined;
  if (calls) {
    const closed = calls.items.filter((call) => new Date(call.closesAt) <= now).slice(0, 5);
    const submitted = await Promise.all(
      closed.map((call) => settle('call applications', exchange.applications({ callId: call.id, status: 'submitted', limit: 1 }))),
    );
    toAllocate = closed.map((call, index) => ({ call, submitted: submitted[index]?.total ?? 0 })).filter((entry) => entry.submitted > 0);
  }

  // Asked of the API, so an agreement ending soon is found however many agreements there are.
  const expiring =
    user.role === 'admin' ? (await settle('agreements', api.agreements({ endingWithinDays: expiryWarningDays[0], limit: 100 })))?.items : undefined;
  const ownEvents = events && user.institutionId ? events.items.filter((event) => event.institutionId === user.institutionId) : events?.items;
  return {
    toReview: unreviewed?.total,
    statusCounts: counts?.counts,
    toAllocate,
    incoming: incoming && { items: incoming.items, total: incoming.total },
    outgoingPending: outgoing?.total,
    eventsThisWeek: ownEvents && { items: ownEvents, total: ownEvents.length },
    pendingStudents: pending?.total,
    flows,
    mobilities,
    academicYear,
    expiring,
  };
}
