/** The authorization matrix (see `test/matrix/support.ts`): the rows of the agreements area. */
import { describe, it } from 'vitest';
import { agreements } from '../test/matrix/agreements.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: agreements', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(agreements);
  });
});
