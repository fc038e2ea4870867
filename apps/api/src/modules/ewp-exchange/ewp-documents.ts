/**
 * The inputs of the EWP builders, assembled from the rows the repository reads. What the
 * schemas require and the data lacks is refused here with a 409 naming it; what they let out is
 * left out.
 */
import { createHash } from 'node:crypto';
import type { IdentityField, LanguageRequirement } from '@exchange/shared';
import { conflict } from '../../errors.js';
import {
  cefrLevelOf,
  type EqfLevel,
  type Gender,
  type Institution,
  type InterInstitutionalAgreement,
  type MobilityParty,
  type Nomination,
  type QuotaLine,
  type Student,
  type TranscriptStudent,
} from '../ewp/index.js';
import type { InstitutionRow, MobilityRow } from './ewp-exchange.repository.js';
import { activityOf, sendingTermOf } from './ewp-mapping.js';
import { latinName, nativeName } from './ewp-names.js';

export function institutionOf(row: InstitutionRow): Institution {
  if (!row.heiId)
    throw conflict('no_hei_id', `${row.code} has no EWP heiId yet; an administrator sets it on the institution first.`, { institutionId: row.id });
  return { heiId: row.heiId, code: row.code, name: row.name, country: row.country };
}

/** What the nomination and the learning agreement must carry; the transcript needs only the name. */
const fullIdentity: IdentityField[] = ['fullNameLatin', 'birthDate', 'citizenship', 'sex', 'studyLevel', 'fieldOfStudy'];

function requireIdentity(identity: MobilityRow['identity'], fields: IdentityField[]) {
  const values = identity as Partial<Record<IdentityField, unknown>>;
  const missing = fields.filter((field) => values[field] === null || values[field] === undefined || values[field] === '');
  if (missing.length > 0) {
    throw conflict('incomplete_identity', `The EWP document needs the student's ${missing.join(', ')}, which the application does not give.`, {
      missing: missing.map((item) => ({ item })),
    });
  }
}

function names(row: MobilityRow, home: InstitutionRow) {
  const native = nativeName(row.account.fullName, home.country);
  return { latinName: latinName(row.identity.fullNameLatin!, native), nativeName: native };
}

/** The student with everything the nomination and the learning agreement require. */
export function studentOf(row: MobilityRow, home: InstitutionRow): Student {
  requireIdentity(row.identity, fullIdentity);
  const { birthDate, citizenship, sex } = row.identity;
  return { id: row.studentId, ...names(row, home), birthDate: birthDate!, citizenship: citizenship!, gender: sex as Gender, email: row.account.email };
}

/** The learner of a transcript: ELMO lets the birth date, citizenship and gender out when they are not known. */
export function learnerOf(row: MobilityRow, home: InstitutionRow): TranscriptStudent {
  requireIdentity(row.identity, ['fullNameLatin']);
  const { birthDate, citizenship, sex } = row.identity;
  return { id: row.studentId, ...names(row, home), birthDate, citizenship, gender: sex === null ? null : (sex as Gender), email: row.account.email };
}

export function nominationOf(row: MobilityRow, sending: InstitutionRow, receiving: InstitutionRow): Nomination {
  const student = studentOf(row, sending);
  const eqfLevel = row.identity.studyLevel as EqfLevel;
  const field = row.identity.fieldOfStudy!;
  // The agreement's subject area the student goes on: the student's own where the line lists it.
  const lineCodes = [...row.line.iscedCodes].sort();
  return {
    omobilityId: row.id,
    proposalId: row.nomination.proposalId,
    sending: institutionOf(sending),
    receiving: institutionOf(receiving),
    student,
    sendingTerm: sendingTermOf(row),
    receivingAcademicYear: row.academicYear,
    activity: activityOf(row.mobilityType, eqfLevel),
    eqfLevel,
    agreementIscedCode: lineCodes.length === 0 || lineCodes.includes(field) ? field : lineCodes[0]!,
    nomineeIscedCode: field,
    status: row.nomination.status,
    comment: row.nomination.note,
  };
}

/**
 * One side of the learning agreement: the institution and its contact. The system keeps no
 * organisational units, so `ounit-name` is left out (the schema allows it).
 */
export function partyOf(institution: InstitutionRow, contact: { fullName: string; email: string }): MobilityParty {
  const name = nativeName(contact.fullName, institution.country) ?? latinName(contact.fullName, null);
  return {
    institution: institutionOf(institution),
    unitName: null,
    contact: { givenNames: name.givenNames, familyName: name.familyName, email: contact.email },
  };
}

// ——— the IIA of a bilateral pair ———

const hostLanguages: Record<string, string> = { RU: 'ru', CN: 'zh' };

/**
 * The pair's IIA id, the same at both partners (one system keeps the agreement for all its
 * parties) and different for each pair of the same agreement: a name-based UUID (version 5
 * layout) of the agreement and the two heiIds.
 */
export function pairIiaId(agreementId: string, heiIds: [string, string]): string {
  const hex = createHash('sha1')
    .update(`${agreementId}|${[...heiIds].sort().join('|')}`)
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type LineRow = {
  sendingInstitutionId: string;
  receivingInstitutionId: string;
  academicYear: string;
  seats: number;
  eqfLevels: number[];
  iscedCodes: string[];
  totalMonths: number | null;
  languageRequirement: LanguageRequirement | null;
};

/**
 * The IIA of partners A and B. Each quota line's language requirement is its recommended
 * language, with a CEFR level only where an official equivalence exists (none is approximated
 * here: EWP lets the level out); a line without one recommends the host country's language.
 */
export function iiaOf(
  agreement: { id: string; status: string; signedOn: string | null },
  partners: [InstitutionRow, InstitutionRow],
  lines: LineRow[],
): InterInstitutionalAgreement {
  const [a, b] = partners.map(institutionOf) as [Institution, Institution];
  const iiaId = pairIiaId(agreement.id, [a.heiId, b.heiId]);
  const heiIdOf = new Map(partners.map((row) => [row.id, row.heiId!]));
  const countryOf = new Map(partners.map((row) => [row.id, row.country]));
  const quotaLines: QuotaLine[] = lines.map((line) => {
    const requirement = line.languageRequirement;
    return {
      sendingHeiId: heiIdOf.get(line.sendingInstitutionId)!,
      receivingHeiId: heiIdOf.get(line.receivingInstitutionId)!,
      academicYear: line.academicYear,
      seats: line.seats,
      eqfLevels: line.eqfLevels as EqfLevel[],
      iscedCodes: line.iscedCodes,
      totalMonths: line.totalMonths,
      languages: requirement
        ? [{ language: requirement.language, level: cefrLevelOf(requirement) }]
        : [{ language: hostLanguages[countryOf.get(line.receivingInstitutionId)!] ?? 'en', level: null }],
    };
  });
  const partner = (institution: Institution) => ({ institution, iiaId, signingDate: agreement.signedOn });
  return { partners: [partner(a), partner(b)], inEffect: agreement.status === 'active', quotaLines };
}
