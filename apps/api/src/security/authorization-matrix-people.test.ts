/** The authorization matrix (see `test/matrix/support.ts`): the rows of invitations, the student import and the audit export. */
import { describe, it } from 'vitest';
import { people } from '../test/matrix/people.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: people', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(people);
  });
});
