/** The authorization matrix (see `test/matrix/support.ts`): the rows of the mobilities area. */
import { describe, it } from 'vitest';
import { mobilityRows } from '../test/matrix/mobilities.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: mobilities', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(mobilityRows);
  });
});
