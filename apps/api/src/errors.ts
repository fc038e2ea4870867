/**
 * Typed errors thrown by services; the error handler turns each into problem+json.
 * `code` is stable and machine-readable: the web translates it into the user's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new AppError(404, 'not_found', `No such ${what}, or you may not see it.`);
export const forbidden = (message = 'You may not do this.') => new AppError(403, 'forbidden', message);
export const unauthorized = (code = 'unauthenticated', message = 'Sign in first.') => new AppError(401, code, message);
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(409, code, message, extra);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(422, code, message, extra);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    retryAfter: retryAfterSeconds,
  });
