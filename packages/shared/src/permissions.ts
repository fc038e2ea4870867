/**
 * Who may do what. The API enforces these rules; the web uses the same functions to show or
 * hide actions, so the two never disagree.
 */
import type { Role, UserStatus } from './enums.js';

/** The signed-in person as the rules see them. */
export type Actor = { id: string; role: Role; institutionId: string | null };

/** What every API route declares about its callers. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export function allows(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  if (access === 'signed-in') return true;
  return access.includes(actor.role);
}

/** Institution-bound staff: coordinators and reviewers of one institution. */
export function isStaffOf(actor: Actor, institutionId: string | null): boolean {
  return (actor.role === 'coordinator' || actor.role === 'reviewer') && actor.institutionId !== null && actor.institutionId === institutionId;
}

// ——— institutions, agreements, quotas ———

export const canManageAgreements = (actor: Actor | null) => actor?.role === 'admin';
export const canManageQuotas = (actor: Actor | null) => actor?.role === 'admin';

// ——— users ———

type UserRef = { id: string; role: Role; institutionId: string | null; status?: UserStatus };

/** The roles whose accounts a coordinator runs for its own institution. */
export const coordinatorManagedRoles = ['student', 'reviewer'] as const satisfies readonly Role[];
const managedByCoordinator = (role: Role) => (coordinatorManagedRoles as readonly Role[]).includes(role);

/** Admins see everyone; coordinators see the students and reviewers of their own institution. */
export function canViewUser(actor: Actor, target: UserRef): boolean {
  if (actor.role === 'admin' || actor.id === target.id) return true;
  return actor.role === 'coordinator' && managedByCoordinator(target.role) && isStaffOf(actor, target.institutionId);
}

export const canListUsers = (actor: Actor | null) => actor?.role === 'admin' || actor?.role === 'coordinator';

/** Admins create any account; coordinators create students and reviewers of their own institution. */
export function canCreateUser(actor: Actor, target: { role: Role; institutionId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'coordinator' && managedByCoordinator(target.role) && isStaffOf(actor, target.institutionId);
}

/** Bulk import of students: admins into any institution, coordinators into their own. */
export function canImportStudents(actor: Actor | null, institutionId: string): boolean {
  if (!actor) return false;
  return actor.role === 'admin' || (actor.role === 'coordinator' && actor.institutionId === institutionId);
}

/**
 * Fields a coordinator may change on a student or reviewer of its institution: verifying
 * (`active`), disabling, the name and the language. Role and institution stay with the admin.
 */
export const coordinatorEditableUserFields = ['status', 'fullName', 'locale'] as const;

export function canUpdateUser(actor: Actor, target: UserRef, fields: readonly string[]): boolean {
  if (actor.role === 'admin') return true;
  if (!canViewUser(actor, target) || actor.id === target.id) return false;
  return fields.every((field) => (coordinatorEditableUserFields as readonly string[]).includes(field));
}

/** Whether the actor may verify a pending student (the home page's queue). */
export const canVerifyStudents = (actor: Actor | null) => actor?.role === 'admin' || actor?.role === 'coordinator';

// ——— audit ———

/** Admins read the whole log; coordinators the entries of their own institution. */
export const canViewAudit = (actor: Actor | null) => actor?.role === 'admin' || actor?.role === 'coordinator';

/** `null` means every institution; otherwise the one institution the actor may see. */
export function auditScope(actor: Actor): string | null {
  return actor.role === 'admin' ? null : actor.institutionId;
}

// ——— calls and applications ———

/** A call is run by the coordinators of its institution (and the admin). */
export function canManageCalls(actor: Actor | null, institutionId: string): boolean {
  if (!actor) return false;
  return actor.role === 'admin' || (actor.role === 'coordinator' && actor.institutionId === institutionId);
}

export function canViewCall(actor: Actor, call: { institutionId: string; status: string }): boolean {
  if (actor.role === 'admin' || isStaffOf(actor, call.institutionId)) return true;
  return actor.role === 'student' && actor.institutionId === call.institutionId && call.status === 'published';
}

/**
 * An application is seen by its student, the home institution's coordinators and reviewers,
 * and the admin. (Partners see nominees through nominations, not applications.)
 */
export function canViewApplication(actor: Actor, application: { studentId: string; homeInstitutionId: string }): boolean {
  if (actor.role === 'admin' || actor.id === application.studentId) return true;
  return isStaffOf(actor, application.homeInstitutionId);
}

/** Reviews are written by the home coordinators; reviewers read only. */
export function canReviewApplication(actor: Actor | null, application: { homeInstitutionId: string }): boolean {
  return actor?.role === 'coordinator' && actor.institutionId === application.homeInstitutionId;
}

// ——— cultural centres and events ———

/** Admins create centres; the institutions' coordinators run them. */
export const canCreateCentres = (actor: Actor | null) => actor?.role === 'admin';

/** Coordinators run the events of their own institution's centres; admins those of every centre. */
export function canManageCentreEvents(actor: Actor | null, centreInstitutionId: string): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'coordinator' && actor.institutionId !== null && actor.institutionId === centreInstitutionId;
}

/** Whether the actor may manage the events of at least one centre (the office pages). */
export const canRunEvents = (actor: Actor | null) => actor?.role === 'admin' || actor?.role === 'coordinator';

/** An event open to everyone, or to people of the listed institutions. */
export function isInAudience(actor: Actor, audienceInstitutionIds: readonly string[]): boolean {
  if (audienceInstitutionIds.length === 0) return true;
  return actor.institutionId !== null && audienceInstitutionIds.includes(actor.institutionId);
}

// ——— nominations ———

/** Both sides of a nomination see it; the receiving side sees it as a partner. */
export function nominationSide(
  actor: Actor,
  nomination: { sendingInstitutionId: string; receivingInstitutionId: string },
): 'sending' | 'receiving' | 'admin' | null {
  if (actor.role === 'admin') return 'admin';
  if (isStaffOf(actor, nomination.sendingInstitutionId)) return 'sending';
  if (isStaffOf(actor, nomination.receivingInstitutionId)) return 'receiving';
  return null;
}

/** Approve and reject: the receiving institution's coordinators. */
export const canDecideNomination = (actor: Actor | null, nomination: { receivingInstitutionId: string }) =>
  actor?.role === 'coordinator' && actor.institutionId === nomination.receivingInstitutionId;

/** Nominate, cancel, allocate: the sending institution's coordinators. */
export const canManageOutgoing = (actor: Actor | null, institutionId: string) => actor?.role === 'coordinator' && actor.institutionId === institutionId;

// ——— mobilities ———

/** How the actor stands to a mobility: its student, one of its offices, an administrator, or not at all. */
export function mobilitySide(
  actor: Actor,
  mobility: { studentId: string; sendingInstitutionId: string; receivingInstitutionId: string },
): 'student' | 'sending' | 'receiving' | 'admin' | null {
  if (actor.role === 'student') return actor.id === mobility.studentId ? 'student' : null;
  return nominationSide(actor, mobility);
}
