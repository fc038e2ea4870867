/** The authorization matrix (see `test/matrix/support.ts`): the rows of the learning agreements area. */
import { describe, it } from 'vitest';
import { learningAgreements } from '../test/matrix/learning-agreements.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: learning agreements', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(learningAgreements);
  });
});
