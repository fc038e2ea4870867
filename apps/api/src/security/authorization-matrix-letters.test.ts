/** The authorization matrix (see `test/matrix/support.ts`): the rows of the admission letter. */
import { describe, it } from 'vitest';
import { letters } from '../test/matrix/letters.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: letters', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(letters);
  });
});
