/**
 * What a notification says, in each working language. The API renders e-mails with it and
 * the web renders the in-app list with it, so both say the same thing. The words are in the
 * catalogs (packages/texts/messages/<locale>/mail.json); this module fills in the parameters.
 */
import type { Locale } from './enums.js';
import { isLocale, localize, type LocalizedText } from './i18n.js';
import { writtenText } from './locale-texts.js';
import * as m from '@exchange/texts/mail';

type Params = Record<string, unknown>;
type Text = { subject: string; body: string };
/** Every placeholder a notification's texts may use, filled from its parameters. */
type MailInputs = {
  call: string;
  partner: string;
  event: string;
  reason: string;
  student: string;
  step: string;
  due: string;
  agreement: string;
  measure: string;
  days: string;
};
type MailMessage = (inputs: MailInputs, options: { locale: Locale }) => string;

/** The catalog texts (packages/texts/messages/<locale>/mail.json) of each kind of notification. */
const templates: Record<string, { subject: MailMessage; body: MailMessage }> = {
  'account.verified': { subject: m.mail_account_verified_subject, body: m.mail_account_verified_body },
  'account.registration_attempt': { subject: m.mail_account_registration_attempt_subject, body: m.mail_account_registration_attempt_body },
  'application.submitted': { subject: m.mail_application_submitted_subject, body: m.mail_application_submitted_body },
  'application.withdrawn': { subject: m.mail_application_withdrawn_subject, body: m.mail_application_withdrawn_body },
  'application.ineligible': { subject: m.mail_application_ineligible_subject, body: m.mail_application_ineligible_body },
  'application.waitlisted': { subject: m.mail_application_waitlisted_subject, body: m.mail_application_waitlisted_body },
  'application.nominated': { subject: m.mail_application_nominated_subject, body: m.mail_application_nominated_body },
  'application.accepted': { subject: m.mail_application_accepted_subject, body: m.mail_application_accepted_body },
  'application.declined': { subject: m.mail_application_declined_subject, body: m.mail_application_declined_body },
  'application.cancelled': { subject: m.mail_application_cancelled_subject, body: m.mail_application_cancelled_body },
  'application.not_placed': { subject: m.mail_application_not_placed_subject, body: m.mail_application_not_placed_body },
  'event.promoted': { subject: m.mail_event_promoted_subject, body: m.mail_event_promoted_body },
  'event.cancelled': { subject: m.mail_event_cancelled_subject, body: m.mail_event_cancelled_body },
  'event.changed': { subject: m.mail_event_changed_subject, body: m.mail_event_changed_body },
  'nomination.received': { subject: m.mail_nomination_received_subject, body: m.mail_nomination_received_body },
  'mobility.admitted': { subject: m.mail_mobility_admitted_subject, body: m.mail_mobility_admitted_body },
  'mobility.step_due': { subject: m.mail_mobility_step_due_subject, body: m.mail_mobility_step_due_body },
  'mobility.step_overdue': { subject: m.mail_mobility_step_overdue_subject, body: m.mail_mobility_step_overdue_body },
  'mobility.transcript': { subject: m.mail_mobility_transcript_subject, body: m.mail_mobility_transcript_body },
  'mobility.recognised': { subject: m.mail_mobility_recognised_subject, body: m.mail_mobility_recognised_body },
  'learning_agreement.proposed': { subject: m.mail_learning_agreement_proposed_subject, body: m.mail_learning_agreement_proposed_body },
  'learning_agreement.to_sign': { subject: m.mail_learning_agreement_to_sign_subject, body: m.mail_learning_agreement_to_sign_body },
  'learning_agreement.signed': { subject: m.mail_learning_agreement_signed_subject, body: m.mail_learning_agreement_signed_body },
  'learning_agreement.returned': { subject: m.mail_learning_agreement_returned_subject, body: m.mail_learning_agreement_returned_body },
  'agreement.expiring': { subject: m.mail_agreement_expiring_subject, body: m.mail_agreement_expiring_body },
  'plan.item_due': { subject: m.mail_plan_item_due_subject, body: m.mail_plan_item_due_body },
};

export const notificationKinds = Object.keys(templates);

/**
 * A person's name for the other side of the border: the native script and, when it differs,
 * the Latin spelling of the passport ("Иванов Иван (Ivanov Ivan)"), which a reader who does not
 * read Cyrillic or Chinese characters can still match with the documents.
 */
export function crossBorderName(native: string, latin: string | null | undefined): string {
  const spelled = latin?.trim();
  return spelled && spelled !== native.trim() ? `${native} (${spelled})` : native;
}

const idParam = (params: Params, name: string) => (typeof params[name] === 'string' ? encodeURIComponent(params[name]) : undefined);

/** The web page a notification is about (a path under the web's public URL), if any. */
export function notificationPath(kind: string, params: Params): string | undefined {
  const [area] = kind.split('.');
  if (kind === 'account.verified') return '/login';
  if (area === 'agreement' || area === 'plan') {
    const agreementId = idParam(params, 'agreementId');
    const itemId = idParam(params, 'itemId');
    if (!agreementId) return undefined;
    return area === 'plan' && itemId ? `/agreements/${agreementId}/plan/${itemId}` : `/agreements/${agreementId}`;
  }
  if (area === 'learning_agreement') {
    const mobilityId = idParam(params, 'mobilityId');
    return mobilityId ? `/mobilities/${mobilityId}/learning-agreement` : undefined;
  }
  const id =
    area === 'application'
      ? idParam(params, 'applicationId')
      : area === 'event'
        ? idParam(params, 'eventId')
        : area === 'nomination'
          ? idParam(params, 'nominationId')
          : area === 'mobility'
            ? idParam(params, 'mobilityId')
            : undefined;
  if (!id) return undefined;
  const section = { application: 'applications', event: 'events', nomination: 'nominations', mobility: 'mobilities' }[area!];
  return `/${section}/${id}`;
}

/** The last line of an e-mail: where in the portal to act on it. */
export function mailLinkLine(url: string, locale: Locale): string {
  return m.mail_link_line({ url }, { locale });
}

/** The page of the incoming nominees, which a digest links to. */
export const incomingNomineesPath = '/nominations?direction=incoming';

/**
 * One mail for a day's `nomination.received` notifications: one line per nominee with the
 * link to their dossier. `link` turns a web path into an absolute address.
 */
export function renderNomineeDigest(entries: { params: Params }[], locale: Locale, link: (path: string) => string): Text {
  const lines = entries.map(({ params }) => {
    const p = (name: string) => paramText(params[name], locale);
    const path = notificationPath('nomination.received', params);
    const student = crossBorderName(p('student'), p('studentLatin'));
    return m.mail_nominee_digest_line({ student, partner: p('partner'), link: path ? link(path) : '' }, { locale }).trimEnd();
  });
  const count = entries.length;
  const intro = m.mail_nominee_digest_intro({ count }, { locale });
  return { subject: m.mail_nominee_digest_subject({ count }, { locale }), body: `${intro}\n\n${lines.join('\n')}` };
}

/** A parameter as text: localized objects are read in the reader's language. */
function paramText(value: unknown, locale: Locale): string {
  if (value && typeof value === 'object' && 'en' in value && 'ru' in value && 'zh' in value) {
    return localize(value as LocalizedText, locale).text;
  }
  return value === undefined || value === null ? '' : String(value);
}

export function renderNotification(kind: string, params: Params, locale: Locale): Text {
  const template = templates[kind];
  if (!template) return { subject: kind, body: '' };
  const p = (name: string) => paramText(params[name], locale);
  const inputs: MailInputs = {
    call: p('call'),
    partner: p('partner'),
    event: p('event'),
    // A reason is someone's own words: the reader is told when they are in another language.
    reason: writtenText(p('reason'), isLocale(params.reasonLocale) ? params.reasonLocale : null, locale),
    student: crossBorderName(p('student'), p('studentLatin')),
    step: p('step'),
    due: p('due'),
    agreement: p('agreement'),
    measure: p('measure'),
    days: p('days'),
  };
  return { subject: template.subject(inputs, { locale }), body: template.body(inputs, { locale }) };
}
