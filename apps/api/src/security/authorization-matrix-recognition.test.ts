/** The authorization matrix (see `test/matrix/support.ts`): the rows of the grading, transcripts and recognition area. */
import { describe, it } from 'vitest';
import { recognitionRows } from '../test/matrix/recognition.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: grading, transcripts and recognition', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(recognitionRows);
  });
});
