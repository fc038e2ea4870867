import { passwordProblem } from '@exchange/shared';
import { fieldErrorsByName, type ApiError } from '$lib/server/api';

export type RegistrationValues = { email: string; fullName: string; institutionId: string };
export type FieldErrors = Partial<Record<'email' | 'password' | 'fullName' | 'institutionId' | 'consent', string>>;

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks the form can make before asking the API (which checks everything again). */
export function validateRegistration(values: RegistrationValues & { password: string; consent: boolean }, institutionIds: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.email) errors.email = 'required';
  else if (values.email.length > 254 || !emailShape.test(values.email)) errors.email = 'email_invalid';
  const problem = passwordProblem(values.password);
  if (!values.password) errors.password = 'required';
  else if (problem) errors.password = problem;
  if (!values.fullName) errors.fullName = 'required';
  else if (values.fullName.length > 200) errors.fullName = 'too_long_text';
  if (!values.institutionId || (institutionIds.length > 0 && !institutionIds.includes(values.institutionId))) {
    errors.institutionId = 'required';
  }
  if (!values.consent) errors.consent = 'consent_required';
  return errors;
}

/**
 * The API's validation problem as codes the form shows next to its fields. A taken e-mail is
 * not among them: the API answers it as a new one, so that no one learns who has an account.
 */
export function registrationErrorsFromApi(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, code] of Object.entries(fieldErrorsByName(error))) {
    if (field === 'email') errors.email = 'email_invalid';
    else if (field === 'password') errors.password = ['too_short', 'too_long', 'too_common'].includes(code) ? code : 'password_invalid';
    else if (field === 'fullName') errors.fullName = code === 'too_big' ? 'too_long_text' : 'required';
    else if (field === 'institutionId') errors.institutionId = 'required';
    else if (field === 'consent') errors.consent = 'consent_required';
  }
  return errors;
}
