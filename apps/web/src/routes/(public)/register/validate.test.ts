import { describe, expect, it, vi } from 'vitest';
import { parseProblem } from '$lib/server/api';
import { registrationErrorsFromApi, validateRegistration } from './validate';

vi.mock('$env/dynamic/private', () => ({ env: {} }));

const psu = '11111111-1111-4111-8111-111111111111';

describe('registration form', () => {
  it('accepts a complete form', () => {
    expect(
      validateRegistration({ email: 'anna@example.org', password: 'Volga river in May', fullName: 'Анна Петрова', institutionId: psu }, [psu]),
    ).toEqual({});
  });

  it('names every missing or weak field', () => {
    expect(validateRegistration({ email: 'anna', password: 'password', fullName: '', institutionId: 'x' }, [psu])).toEqual({
      email: 'email_invalid',
      password: 'too_common',
      fullName: 'required',
      institutionId: 'required',
    });
    expect(validateRegistration({ email: '', password: 'short', fullName: 'A', institutionId: psu }, [psu])).toEqual({
      email: 'required',
      password: 'too_short',
    });
  });

  it('shows a taken e-mail next to the e-mail field', () => {
    const error = parseProblem(409, { type: 'x', title: 'Taken', status: 409, code: 'email_taken' });
    expect(registrationErrorsFromApi(error)).toEqual({ email: 'email_taken' });
  });

  it('maps the API validation errors to fields', () => {
    const error = parseProblem(422, {
      type: 'x', title: 'Invalid', status: 422, code: 'validation_failed',
      errors: [
        { path: 'password', code: 'too_common', message: '' },
        { path: 'fullName', code: 'too_small', message: '' },
      ],
    });
    expect(registrationErrorsFromApi(error)).toEqual({ password: 'too_common', fullName: 'required' });
  });
});
