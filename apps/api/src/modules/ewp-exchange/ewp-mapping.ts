/**
 * From the system's values to EWP's: terms, language levels, credit schemes, the kind of stay,
 * and the learning agreement's versions. Pure functions; the service feeds them rows.
 */
import type { CreditUnit, LanguageRequirement, LearningAgreementContent, MobilityType } from '@exchange/shared';
import {
  cefrLevelOf,
  type CefrLevel,
  type EqfLevel,
  type LearningAgreementVersion,
  type MobilityActivity,
  type Signature,
  type Signer,
  type TermOfYear,
} from '../ewp/index.js';

/**
 * The term a learning agreement's free text names: autumn (the first of two semesters) or
 * spring (the second), in English, Russian or Chinese; null for anything else or both.
 */
export function termOf(text: string): TermOfYear | null {
  const autumn = /autumn|fall|осен|秋/iu.test(text);
  const spring = /spring|весн|весен|春/iu.test(text);
  if (autumn === spring) return null;
  return autumn ? { number: 1, of: 2 } : { number: 2, of: 2 };
}

const hskToCefr: Record<string, CefrLevel> = { '1': 'A1', '2': 'A2', '3': 'B1', '4': 'B2', '5': 'C1', '6': 'C2', '7': 'C2', '8': 'C2', '9': 'C2' };

/**
 * The CEFR level of a language requirement. CEFR and TORFL levels have an official equivalence
 * (`cefrLevelOf`); HSK has none, and where EWP insists on a CEFR level (the learning agreement's
 * language of instruction) HSK is mapped by an APPROXIMATION, not an official table: HSK 1 → A1,
 * 2 → A2, 3 → B1, 4 → B2, 5 → C1, 6 to 9 → C2.
 */
export function approximateCefrLevel(requirement: LanguageRequirement): CefrLevel | null {
  return cefrLevelOf(requirement) ?? (requirement.scale === 'HSK' ? (hskToCefr[requirement.level] ?? null) : null);
}

/** `ects` for a unit worth one ECTS credit that calls itself ECTS; otherwise the unit's own name (EWP allows custom schemes). Unknown: `ects`. */
export function creditSchemeOf(unit: CreditUnit | null): string {
  if (!unit) return 'ects';
  return unit.ectsFactor === 1 && /ects/i.test(unit.name) ? 'ects' : unit.name;
}

/** Semesters at the sending institution: August to January is the first of two, February to July the second. */
const semesterOf = (date: string) => {
  const month = Number(date.slice(5, 7));
  return month >= 8 || month === 1 ? 1 : 2;
};

/**
 * The sending institution's term of the stay in EWP form (`2025/2026-2/2`): the semester the
 * planned dates fall in, else the academic year (`-1/1`); null (outside any term) for a summer school.
 */
export function sendingTermOf(mobility: { academicYear: string; mobilityType: MobilityType; plannedStart: string | null; plannedEnd: string | null }) {
  if (mobility.mobilityType === 'summer_school') return null;
  const { plannedStart: start, plannedEnd: end } = mobility;
  if (mobility.mobilityType !== 'academic_year' && start && end && semesterOf(start) === semesterOf(end)) {
    return `${mobility.academicYear}-${semesterOf(start)}/2`;
  }
  return `${mobility.academicYear}-1/1`;
}

/**
 * EWP's kind of study mobility: a semester or a year is long-term; a short stay is doctoral at
 * EQF 8 and otherwise `short-term-blended`, the only other kind EWP has for students.
 */
export function activityOf(mobilityType: MobilityType, eqfLevel: EqfLevel): MobilityActivity {
  if (mobilityType === 'semester' || mobilityType === 'academic_year') return 'long-term';
  return eqfLevel === 8 ? 'short-term-doctoral' : 'short-term-blended';
}

type StoredSignature = { userId: string; name: string; at: string };
export type ProposalRow = {
  number: number | null;
  kind: 'first' | 'changes';
  status: string;
  proposalId: string | null;
  content: LearningAgreementContent;
  studentSignature: StoredSignature | null;
  sendingSignature: StoredSignature | null;
  receivingSignature: StoredSignature | null;
};
/** Who signed: the e-mail of each signer, and whose e-mail stands in when a signer's account is gone. */
export type Signers = { emailOf: (userId: string) => string | undefined; fallback: { student: string; sending: string; receiving: string } };

function versionOf(row: ProposalRow, signers: Signers): LearningAgreementVersion {
  const sign = (stored: StoredSignature | null, side: keyof Signers['fallback']): Signature => {
    if (!stored) return null;
    const by: Signer = { name: stored.name, email: signers.emailOf(stored.userId) ?? signers.fallback[side] };
    return { by, at: stored.at };
  };
  return {
    proposalId: row.proposalId!,
    studied: row.content.studied.map(({ code, title, credits, term, change, reason }) => ({ code, title, credits, term: termOf(term), change, reason })),
    recognised: row.content.recognised.map(({ code, title, credits, change, reason }) => ({ code, title, credits, change, reason })),
    signatures: {
      student: sign(row.studentSignature, 'student'),
      sending: sign(row.sendingSignature, 'sending'),
      receiving: sign(row.receivingSignature, 'receiving'),
    },
  };
}

/**
 * The versions an OLA holds: the first version signed by all three; the latest signed change
 * proposal as the approved changes; and the proposal awaiting the receiving office once the
 * student and the sending office have signed it (before that it is the sending side's own
 * business, and EWP has no place for it). `latest` is the content the document's other fields
 * (language, catalogue) are read from: the pending proposal's, else the one in force.
 */
export function olaVersions(rows: ProposalRow[], signers: Signers) {
  const proposals = rows.filter((row) => row.status !== 'draft' && row.number !== null).sort((a, b) => a.number! - b.number!);
  const signed = proposals.filter((row) => row.status === 'signed');
  const first = signed.find((row) => row.kind === 'first') ?? signed[0];
  const changes = signed.filter((row) => row !== first && row.kind === 'changes').at(-1);
  const pending = proposals.find((row) => row.status === 'proposed' && row.studentSignature && row.sendingSignature);
  return {
    firstVersion: first ? versionOf(first, signers) : null,
    approvedChanges: changes ? versionOf(changes, signers) : null,
    changesProposal: pending ? versionOf(pending, signers) : null,
    latest: (pending ?? changes ?? first)?.content ?? null,
  };
}
