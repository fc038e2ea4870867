/** Quota lines and directions as people read them ("BUAS · Semester, 2026/2027", "PSU → BUAS"). */
import type { Institution, Quota } from '@exchange/shared';
import { m } from '@exchange/texts/messages';
import { institutionName } from '$lib/i18n';
import { mobilityTypeLabel } from '$lib/labels/enums';

/** "BUAS · Semester, 2026/2027": a quota line as a student chooses it. */
export function quotaLineLabel(
  quota: Pick<Quota, 'receivingInstitutionId' | 'mobilityType' | 'academicYear'>,
  institutions: ReadonlyMap<string, Institution>,
): string {
  const partner = institutions.get(quota.receivingInstitutionId);
  return m.quota_line_label({
    partner: partner ? institutionName(partner) : '—',
    type: mobilityTypeLabel[quota.mobilityType]?.() ?? quota.mobilityType,
    year: quota.academicYear,
  });
}

/** The direction of a line: "PSU → BUAS". */
export function directionLabel(from: string, to: string, institutions: ReadonlyMap<string, Institution>): string {
  return `${institutions.get(from)?.code ?? '—'} → ${institutions.get(to)?.code ?? '—'}`;
}
