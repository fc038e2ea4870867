/**
 * The version of the consent to the processing of personal data (152-ФЗ, PIPL) that
 * registration asks for. A new text gets a new version; the registration form shows the text.
 */
export const consentVersion = '2026-12-01';
