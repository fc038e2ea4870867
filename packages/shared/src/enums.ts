/** Enumerations of the domain, shared by the database, the API and the web. */

export const locales = ['ru', 'zh', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export const roles = ['student', 'coordinator', 'reviewer', 'admin'] as const;
export type Role = (typeof roles)[number];

export const userStatuses = ['pending', 'active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

/** What an e-mailed single-use link lets its holder do: set the first password, or a new one. */
export const accountTokenPurposes = ['invitation', 'password_reset'] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/** A bulk import of students: still writing, finished, or stopped by an error. */
export const userImportStatuses = ['running', 'done', 'failed'] as const;
export type UserImportStatus = (typeof userImportStatuses)[number];

/** How a coordinator hears of new incoming nominees by e-mail: one mail each, or one a day. */
export const nominationMailModes = ['daily', 'immediate'] as const;
export type NominationMailMode = (typeof nominationMailModes)[number];

export const agreementStatuses = ['draft', 'active', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const planItemStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type PlanItemStatus = (typeof planItemStatuses)[number];

export const mobilityTypes = ['semester', 'academic_year', 'summer_school', 'language_course', 'short_term'] as const;
export type MobilityType = (typeof mobilityTypes)[number];

/** European Qualifications Framework levels: 6 bachelor, 7 master, 8 doctoral. */
export const eqfLevels = [6, 7, 8] as const;
export type EqfLevel = (typeof eqfLevels)[number];

/** Language tests and their levels, from lowest to highest. */
export const languageLevels = {
  CEFR: ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'],
  HSK: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
  TORFL: ['TEU', 'TBU', 'TORFL-1', 'TORFL-2', 'TORFL-3', 'TORFL-4'],
} as const;
export const languageScales = ['CEFR', 'HSK', 'TORFL'] as const;
export type LanguageScale = (typeof languageScales)[number];

/** ISO 639-1 codes of the languages of instruction met in the agreement. */
export const languages = ['ru', 'zh', 'en'] as const;
export type Language = (typeof languages)[number];

export const documentTypes = ['motivation_letter', 'transcript', 'language_certificate', 'passport_copy', 'cv', 'reference_letter'] as const;
export type DocumentType = (typeof documentTypes)[number];

export const applicationStatuses = [
  'draft',
  'submitted',
  'withdrawn',
  'ineligible',
  'waitlisted',
  'nominated',
  'not_placed',
  'accepted',
  'declined',
  'cancelled',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const nominationStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

/** Nominations that hold a seat on their quota line. */
export const seatHoldingNominationStatuses = ['pending', 'approved'] as const satisfies readonly NominationStatus[];

export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
