/** The authorization matrix (see `test/matrix/support.ts`): the rows of the signed agreement and the plan of measures. */
import { describe, it } from 'vitest';
import { plan } from '../test/matrix/plan.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: plan', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(plan);
  });
});
