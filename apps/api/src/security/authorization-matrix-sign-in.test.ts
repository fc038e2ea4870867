/** The authorization matrix (see `test/matrix/support.ts`): the rows of the sign-in area (own sessions, e-mailed links, identity providers). */
import { describe, it } from 'vitest';
import { signIn } from '../test/matrix/sign-in.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: sign-in', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(signIn);
  });
});
