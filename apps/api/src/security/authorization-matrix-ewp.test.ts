/** The authorization matrix (see `test/matrix/support.ts`): the rows of the EWP documents area. */
import { describe, it } from 'vitest';
import { ewpRows } from '../test/matrix/ewp.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: EWP documents', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(ewpRows);
  });
});
