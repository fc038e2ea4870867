/** The abuse suites' check: a refusal is a 4xx problem+json with the expected status; each one counts as a case. */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { problemOf } from './helper.js';

let cases = 0;

/** Refused: a 4xx problem+json with the given status. */
export function refused(response: LightMyRequestResponse, status: number, label: string) {
  cases++;
  expect(response.statusCode, `${label}: ${response.body.slice(0, 200)}`).toBe(status);
  expect(problemOf(response).status, label).toBe(status);
}

/** Counts a case checked without `refused` (kept text, a 4xx of any kind). */
export function countCase() {
  cases++;
}

/** The abuse cases run so far in this test file, for the record. */
export const casesRun = () => cases;
