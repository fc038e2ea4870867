/** Mobilities as people read them: statuses, stages, sides, funding sources, in the page language. */
import type { ChecklistItemStatus, ChecklistOwner, FundingSource, MobilityStatus } from '@exchange/shared';
import { m } from '@exchange/texts/messages';
import { exchangeField } from '$lib/exchange/problems';
import type { MobilityStage } from '$lib/mobility/stage';

type Tone = 'ok' | 'warn' | 'neutral' | 'danger';

export const mobilityStatusLabel: Record<MobilityStatus, () => string> = {
  preparing: m.mobility_status_preparing,
  abroad: m.mobility_status_abroad,
  returned: m.mobility_status_returned,
  recognised: m.mobility_status_recognised,
  cancelled: m.mobility_status_cancelled,
};

export const mobilityStageLabel: Record<MobilityStage, () => string> = {
  awaiting_admission: m.mobility_stage_awaiting_admission,
  admitted: m.mobility_stage_admitted,
  visa: m.mobility_stage_visa,
  arrived: m.mobility_stage_arrived,
  registered: m.mobility_stage_registered,
  departed: m.mobility_stage_departed,
  cancelled: m.mobility_stage_cancelled,
};

export const mobilityStageTone: Record<MobilityStage, Tone> = {
  awaiting_admission: 'neutral',
  admitted: 'neutral',
  visa: 'warn',
  arrived: 'warn',
  registered: 'ok',
  departed: 'ok',
  cancelled: 'danger',
};

export const checklistOwnerLabel: Record<ChecklistOwner, () => string> = {
  student: m.mobility_owner_student,
  sending: m.mobility_owner_sending,
  receiving: m.mobility_owner_receiving,
};

export const checklistStatusLabel: Record<ChecklistItemStatus, () => string> = {
  open: m.mobility_step_open,
  done: m.mobility_step_done,
  waived: m.mobility_step_waived,
};

export const checklistStatusTone: Record<ChecklistItemStatus, Tone> = { open: 'neutral', done: 'ok', waived: 'ok' };

export const fundingSourceLabel: Record<FundingSource, () => string> = {
  csc: m.mobility_funding_csc,
  russian_government: m.mobility_funding_russian_government,
  home_institution: m.mobility_funding_home_institution,
  other: m.mobility_funding_other,
};

/** ISO 5218: 1 male, 2 female; anything else is not stated. */
export const sexLabel = (sex: number | null) => (sex === 1 ? m.mobility_sex_1() : sex === 2 ? m.mobility_sex_2() : m.mobility_sex_other());

const mobilityFields: Record<string, () => string> = {
  end_before_start: m.mobility_end_before_start,
  reason_required: m.mobility_reason_required,
  waive_reason_required: m.mobility_waive_reason_required,
  currency_invalid: m.mobility_currency_invalid,
  file_required: m.application_file_required,
};

/** A field error of the mobility forms (the web's own codes, then the API's) in the page language. */
export const mobilityField = (code: string | undefined) => (code ? (mobilityFields[code]?.() ?? exchangeField(code)) : '');
