import { describe, expect, it, vi } from 'vitest';
import { parseProblem } from '$lib/server/api';
import { registrationErrorsFromApi, validateRegistration } from './validate';

vi.mock('$env/dynamic/private', () => ({ env: {} }));

const psu = '11111111-1111-4111-8111-111111111111';

describe('registration form', () => {
  it('accepts a complete form', () => {
    expect(
      validateRegistration({ email: 'anna@example.org', password: 'Volga river in May', fullName: 'Анна Петрова', institutionId: psu, consent: true }, [psu]),
    ).toEqual({});
  });

  it('names every missing or weak field', () => {
    expect(validateRegistration({ email: 'anna', password: 'password', fullName: '', institutionId: 'x', consent: true }, [psu])).toEqual({
      email: 'email_invalid',
      password: 'too_common',
      fullName: 'required',
      institutionId: 'required',
    });
    expect(validateRegistration({ email: '', password: 'short', fullName: 'A', institutionId: psu, consent: true }, [psu])).toEqual({
      email: 'required',
      password: 'too_short',
    });
  });

  it('asks for consent to the processing of personal data', () => {
    const complete = { email: 'anna@example.org', password: 'Volga river in May', fullName: 'Анна Петрова', institutionId: psu };
    expect(validateRegistration({ ...complete, consent: false }, [psu])).toEqual({ consent: 'consent_required' });
    const error = parseProblem(400, {
      type: 'x',
      title: 'Invalid',
      status: 400,
      code: 'validation_failed',
      errors: [{ path: 'body.consent.version', code: 'invalid_value', message: '' }],
    });
    expect(registrationErrorsFromApi(error)).toEqual({ consent: 'consent_required' });
  });

  it('maps the API validation errors to fields', () => {
    const error = parseProblem(422, {
      type: 'x',
      title: 'Invalid',
      status: 422,
      code: 'validation_failed',
      errors: [
        { path: 'password', code: 'too_common', message: '' },
        { path: 'fullName', code: 'too_small', message: '' },
      ],
    });
    expect(registrationErrorsFromApi(error)).toEqual({ password: 'too_common', fullName: 'required' });
  });
});
