/**
 * Rows as the contract shows them, where more than one module shows them: an institution is
 * a party of an agreement, a quota line is offered by a call, an account is signed in. Kept
 * here, not in the owning module, so the others need no import of that module.
 */
import type { institutions, quotaLines, users } from '@exchange/db';
import { toIso } from './route.js';

export const toInstitution = (row: typeof institutions.$inferSelect) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  city: row.city,
  country: row.country,
  timeZone: row.timeZone,
  heiId: row.heiId,
});

export const toQuota = (row: typeof quotaLines.$inferSelect) => ({
  id: row.id,
  agreementId: row.agreementId,
  sendingInstitutionId: row.sendingInstitutionId,
  receivingInstitutionId: row.receivingInstitutionId,
  academicYear: row.academicYear,
  mobilityType: row.mobilityType,
  eqfLevels: row.eqfLevels,
  iscedCodes: row.iscedCodes,
  seats: row.seats,
  totalMonths: row.totalMonths,
  languageRequirement: row.languageRequirement ?? null,
  used: row.used,
  remaining: row.seats - row.used,
});

/** The public shape of an account: never the password hash. */
export const toUser = (row: typeof users.$inferSelect) => ({
  id: row.id,
  email: row.email,
  fullName: row.fullName,
  role: row.role,
  institutionId: row.institutionId,
  status: row.status,
  locale: row.locale,
  nominationMail: row.nominationMail,
  passwordSet: row.passwordHash !== null,
  createdAt: toIso(row.createdAt),
});
