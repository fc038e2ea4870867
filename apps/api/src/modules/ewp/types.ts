/**
 * What the EWP documents are built from: plain values shaped like the rows the database holds,
 * so that a service fills them with a query or two. Calendar dates are `YYYY-MM-DD`, instants
 * ISO 8601 strings with their offset (`2025-03-01T09:30:00Z`), academic years `YYYY/YYYY`.
 */

/** `YYYY-MM-DD` */
export type CalendarDate = string;
/** ISO 8601 date and time with an offset or `Z`. */
export type Instant = string;
/** `2025/2026` */
export type AcademicYear = string;

export type LocalizedName = { ru: string; zh: string; en: string };

/** An institution of the agreement; its EWP `heiId` is its internet domain (its SCHAC code). */
export type Institution = { heiId: string; code: string; name: LocalizedName; country: string };

/** ISO/IEC 5218: 0 not known, 1 male, 2 female, 9 not applicable. */
export type Gender = 0 | 1 | 2 | 9;

/** European Qualifications Framework level: 6 bachelor, 7 master, 8 doctorate. */
export type EqfLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export type CefrLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';

/** A language (ISO 639-1, e.g. `zh`) and the level on the CEFR scale, which is the one EWP knows. */
export type LanguageSkill = { language: string; level: CefrLevel };

export type PersonName = { givenNames: string; familyName: string };

export type Student = {
  /** The sending institution's identifier of the student; with its heiId it makes the European Student Identifier. */
  id: string;
  latinName: PersonName;
  /** The name in the student's own script and its language (`ru`, `zh`); null when the Latin one is the only one. */
  nativeName: (PersonName & { lang: string }) | null;
  birthDate: CalendarDate;
  /** ISO 3166-1 alpha-2 */
  citizenship: string;
  gender: Gender;
  email: string;
};

/** A staff member who signed or is the contact of one side. */
export type Signer = { name: string; email: string; position?: string | null };

/** A signature as given, or null while it is awaited. */
export type Signature = { by: Signer; at: Instant } | null;

// ——— the nomination (Outgoing Mobilities v3) ———

export type NominationStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** EWP's kinds of student mobility for studies: a long stay, or a short one with a virtual part. */
export type MobilityActivity = 'long-term' | 'short-term-blended' | 'short-term-doctoral';

export type Nomination = {
  /** The mobility's identifier at the sending institution (up to 64 printable ASCII characters; a UUID fits). */
  omobilityId: string;
  /** Changes whenever the nomination's content changes; the receiving side approves a given one. */
  proposalId: string;
  sending: Institution;
  receiving: Institution;
  student: Student;
  /** The term at the sending institution in EWP form (`2025/2026-1/2`: the first of two), or null when the stay lies outside any single term (a summer school). */
  sendingTerm: string | null;
  receivingAcademicYear: AcademicYear;
  activity: MobilityActivity;
  eqfLevel: EqfLevel;
  /** ISCED-F 2013 four-digit code of the agreement's cooperation condition the student is nominated on. */
  agreementIscedCode: string;
  /** ISCED-F 2013 four-digit code of the student's own programme. */
  nomineeIscedCode: string;
  status: NominationStatus;
  /** For the other office only, never shown to the student. */
  comment?: string | null;
};

// ——— the learning agreement (Online Learning Agreement v1.2) ———

/** Which term of the year a component is taught in: `{ number: 1, of: 2 }` is the first of two. */
export type TermOfYear = { number: number; of: number };

/** How a change proposal marks a component against the version in force; null in a first version. */
export type ComponentChange = { change?: 'added' | 'removed' | null; reason?: string | null };

/** A component studied at the receiving institution, in its catalogue and credit unit. */
export type StudiedComponent = { code: string; title: string; credits: number; term: TermOfYear | null } & ComponentChange;

/** A component of the home programme that the studied ones are recognised as, in the home credit unit. */
export type RecognisedComponent = { code: string; title: string; credits: number; term?: TermOfYear | null } & ComponentChange;

export type LearningAgreementVersion = {
  proposalId: string;
  studied: StudiedComponent[];
  recognised: RecognisedComponent[];
  signatures: { student: Signature; sending: Signature; receiving: Signature };
};

/** One side of the mobility as the learning agreement names it: the institution, the unit in charge, its contact. */
export type MobilityParty = {
  institution: Institution;
  /** The faculty or department responsible for the student; EWP requires it of the sending side. */
  unitName: string | null;
  contact: PersonName & { email: string };
};

export type LearningAgreement = {
  omobilityId: string;
  sending: MobilityParty;
  receiving: MobilityParty;
  receivingAcademicYear: AcademicYear;
  student: Student;
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
  eqfLevel: EqfLevel;
  /** ISCED-F 2013 four-digit code of the student's programme. */
  iscedCode: string;
  /** The level the student has (or will have by the start) in the main language of instruction. */
  languageOfInstruction: LanguageSkill;
  /** Credit units: `ects`, or a name of the institution's own unit. Both default to `ects`. */
  creditSchemes?: { studied: string; recognised: string };
  /** Signed by all three: the first version in force. */
  firstVersion: LearningAgreementVersion | null;
  /** The latest change proposal signed by all three, against the first version. */
  approvedChanges: LearningAgreementVersion | null;
  /** A proposal signed by the student and the sending institution, awaiting the receiving one. */
  changesProposal: LearningAgreementVersion | null;
  /** The receiving institution's catalogue describing the learning outcomes. */
  hostCatalogueUrl?: string | null;
};

// ——— the inter-institutional agreement (IIA v7) ———

export type IiaPartner = {
  institution: Institution;
  /** The agreement's identifier at this partner; null when the partner's own one is not known yet. */
  iiaId: string | null;
  /** The human-readable number the partner gives the agreement. */
  iiaCode?: string | null;
  signingDate?: CalendarDate | null;
  signer?: Signer | null;
};

/** A recommended language for a direction; the level is left out when the requirement has no CEFR equivalent. */
export type RecommendedLanguage = { language: string; level: CefrLevel | null };

/** A quota line: the seats one partner may send to the other in one academic year. */
export type QuotaLine = {
  sendingHeiId: string;
  receivingHeiId: string;
  academicYear: AcademicYear;
  seats: number;
  eqfLevels: EqfLevel[];
  iscedCodes: string[];
  /** Months of mobility per year for all the seats together; null when not limited. */
  totalMonths: number | null;
  /** At least one: EWP requires a recommended language for every direction. */
  languages: RecommendedLanguage[];
  blended?: boolean;
};

export type InterInstitutionalAgreement = {
  partners: [IiaPartner, IiaPartner];
  inEffect: boolean;
  quotaLines: QuotaLine[];
  /** Ended by both partners before any exchange took place. */
  terminated?: boolean;
  /** The identifier of the signed PDF in the EWP File API. */
  pdfFile?: string | null;
};

// ——— the transcript of records (ToR v3 with ELMO 2) ———

export type TranscriptComponent = {
  code: string;
  title: string;
  credits: number;
  grade: string;
  passed: boolean;
  /** When the result was given. */
  date: CalendarDate;
};

/** ELMO lets the learner's birth date, citizenship and gender out: null leaves the element out. */
export type TranscriptStudent = Omit<Student, 'birthDate' | 'citizenship' | 'gender'> & {
  birthDate: CalendarDate | null;
  citizenship: string | null;
  gender: Gender | null;
};

export type Transcript = {
  omobilityId: string;
  receivingAcademicYear: AcademicYear;
  sending: Institution;
  /** The institution where the student studied, which issues the transcript. */
  receiving: Institution;
  student: TranscriptStudent;
  issuedAt: Instant;
  generatedAt: Instant;
  /** The receiving institution's credit unit: `ects` (the default) or its own. */
  creditScheme?: string;
  components: TranscriptComponent[];
};
