/** The authorization matrix (see `test/matrix/support.ts`): the rows of the applications area. */
import { describe, it } from 'vitest';
import { applications } from '../test/matrix/applications.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: applications', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(applications);
  });
});
