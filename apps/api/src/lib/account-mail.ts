import { mailOutbox, type Executor } from '@exchange/db';
import type { AccountTokenPurpose, Locale } from '@exchange/shared';
import * as m from '@exchange/texts/mail';

/** The web page each kind of link opens; the token is the last part of the path. */
export const accountLinkPaths: Record<AccountTokenPurpose, string> = { invitation: '/invitation', password_reset: '/password-reset' };

const texts = {
  invitation: { subject: m.mail_account_invitation_subject, body: m.mail_account_invitation_body },
  password_reset: { subject: m.mail_account_password_reset_subject, body: m.mail_account_password_reset_body },
} satisfies Record<AccountTokenPurpose, unknown>;

/**
 * E-mails a single-use account link in the account's language. Only the e-mail carries it: no
 * in-app notification, so the token is never shown to whoever is signed in on the page.
 */
export async function mailAccountLink(tx: Executor, account: { email: string; locale: Locale }, purpose: AccountTokenPurpose, token: string) {
  const { subject, body } = texts[purpose];
  await tx.insert(mailOutbox).values({
    toAddress: account.email,
    subject: subject({}, { locale: account.locale }),
    body: body({ email: account.email }, { locale: account.locale }),
    locale: account.locale,
    linkPath: `${accountLinkPaths[purpose]}/${token}`,
  });
}
