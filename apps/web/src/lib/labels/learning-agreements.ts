/** The learning agreement as people read it: statuses, versions, the parties, its problems and field errors, in the page language. */
import type { LearningAgreementStatus, LearningAgreementVersionStatus } from '@exchange/shared';
import { m } from '@exchange/texts/messages';
import { exchangeProblem } from '$lib/exchange/problems';
import { mobilityField } from '$lib/labels/mobilities';

type Tone = 'ok' | 'warn' | 'neutral' | 'danger';

export const learningAgreementStatusLabel: Record<LearningAgreementStatus, () => string> = {
  none: m.learning_status_none,
  draft: m.learning_status_draft,
  proposed: m.learning_status_proposed,
  returned: m.learning_status_returned,
  signed: m.learning_status_signed,
};

export const learningAgreementStatusTone: Record<LearningAgreementStatus, Tone> = {
  none: 'neutral',
  draft: 'neutral',
  proposed: 'warn',
  returned: 'danger',
  signed: 'ok',
};

export const versionStatusLabel: Record<LearningAgreementVersionStatus, () => string> = {
  proposed: m.learning_version_proposed,
  returned: m.learning_version_returned,
  signed: m.learning_version_signed,
};

export const versionStatusTone: Record<LearningAgreementVersionStatus, Tone> = { proposed: 'warn', returned: 'danger', signed: 'ok' };

/** Who signs: "Student", "Sending institution (PSU)", "Receiving institution (BUAS)". */
export function signatureSideLabel(side: 'student' | 'sending' | 'receiving', institution: string): string {
  if (side === 'student') return m.learning_side_student();
  return side === 'sending' ? m.learning_side_sending({ institution }) : m.learning_side_receiving({ institution });
}

const fields: Record<string, () => string> = {
  credits_invalid: m.field_learning_credits_invalid,
  url_invalid: m.field_learning_url_invalid,
  reason_required: m.field_learning_reason_required,
  duplicate: m.field_learning_duplicate,
  already_in_force: m.field_learning_already_in_force,
  not_in_force: m.field_learning_not_in_force,
  unmarked_addition: m.field_learning_unmarked_addition,
  changed_in_place: m.field_learning_changed_in_place,
  silently_dropped: m.field_learning_silently_dropped,
  no_signed_version: m.field_learning_no_signed_version,
  list_required: m.field_learning_list_required,
  language_required: m.field_learning_language_required,
  no_change: m.field_learning_no_change,
  comment_required: m.field_learning_comment_required,
};

const problems: Record<string, () => string> = {
  stale_proposal: m.error_learning_stale_proposal,
  stale_draft: m.error_learning_stale_draft,
  awaiting_sending: m.error_learning_awaiting_sending,
  already_signed: m.error_learning_already_signed,
  proposal_pending: m.error_learning_proposal_pending,
  no_draft: m.error_learning_no_draft,
  mobility_closed: m.error_learning_mobility_closed,
  incomplete_learning_agreement: m.error_learning_incomplete,
};

/** A problem code the learning agreement's calls answer with, in the page language. */
export const learningAgreementProblem = (code: string) => problems[code]?.() ?? (code in fields ? m.error_learning_invalid() : exchangeProblem(code));

/** A field error of the learning agreement's forms in the page language. */
export const learningAgreementField = (code: string | undefined) => (code ? (fields[code]?.() ?? mobilityField(code)) : '');
