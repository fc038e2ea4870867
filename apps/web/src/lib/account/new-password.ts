/** A new password typed twice (reset, invitation, change): the checks the page makes before the API checks again. */
import { passwordProblem } from '@exchange/shared';
import { fieldErrorsByName, type ApiError } from '$lib/server/api';

export type PasswordErrors = Partial<Record<'password' | 'repeat', string>>;

export function readNewPassword(form: FormData): { password: string; errors: PasswordErrors } {
  const password = String(form.get('password') ?? '');
  const repeat = String(form.get('repeat') ?? '');
  const errors: PasswordErrors = {};
  const problem = passwordProblem(password);
  if (!password) errors.password = 'required';
  else if (problem) errors.password = problem;
  else if (password !== repeat) errors.repeat = 'password_mismatch';
  return { password, errors };
}

/** The API's refusal of the password itself, as the code shown beside the field; null for any other problem. */
export function passwordErrorFromApi(error: ApiError, field = 'password'): PasswordErrors | null {
  const code = fieldErrorsByName(error)[field];
  if (code === undefined) return null;
  return { password: ['too_short', 'too_long', 'too_common'].includes(code) ? code : 'password_invalid' };
}
