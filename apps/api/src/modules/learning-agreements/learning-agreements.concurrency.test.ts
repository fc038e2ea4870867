/**
 * The student and both offices acting on one learning agreement at once, on PostgreSQL with real
 * parallel connections (PGlite runs one statement at a time, so this proves nothing there and
 * is skipped): of two proposals, two comments, or the last signature and a comment, exactly one
 * lands, and no round leaves two proposals or two drafts.
 */
import { describe, expect, it } from 'vitest';
import { admittedMobility } from '../../test/fixtures/mobilities.js';
import { nominationsFixture } from '../../test/fixtures/nominations.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const { f } = nominationsFixture();
const student = 'student1@psu.exchange.test';
const draft = {
  studied: [{ code: 'CHN101', title: 'Chinese I', credits: 4, term: 'Autumn 2026' }],
  recognised: [{ code: 'R1', title: 'Китайский язык', credits: 4 }],
  languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
};

describe.skipIf(!onPostgres)('concurrent acts on one learning agreement', () => {
  it('lets exactly one of two acts on one proposal land, and never leaves two proposals open', async () => {
    const { t, tokens } = f;
    const { mobilityId } = await admittedMobility(f, { student, quotaId: f.toBuas, host: 'buas' });
    const url = (path: string) => `/api/v1/mobilities/${mobilityId}/learning-agreement${path}`;
    await t.request({ method: 'PUT', url: url('/draft'), token: tokens[student], payload: draft });

    for (let round = 0; round < 8; round++) {
      // The student proposes twice at once: one proposal, the other refused.
      const proposals = await Promise.all([0, 1].map(() => t.request({ method: 'POST', url: url('/propose'), token: tokens[student] })));
      expect(proposals.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      const { proposalId } = proposals.find((response) => response.statusCode === 200)!.json().pending;

      // Both offices send it back at once: one comment lands, the other names a stale proposal.
      const comments = await Promise.all(
        (['psu', 'buas'] as const).map((office) =>
          t.request({ method: 'POST', url: url('/comment'), token: tokens[office], payload: { proposalId, comment: `Round ${round}, ${office}` } }),
        ),
      );
      expect(comments.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      expect(comments.find((response) => response.statusCode === 409)!.json()).toMatchObject({ code: 'stale_proposal' });
      const rows = await t.database.rows<{ status: string }>('select status from learning_agreement_versions where mobility_id = $1', [mobilityId]);
      expect(rows.filter((row) => row.status === 'proposed')).toHaveLength(0);
      expect(rows.filter((row) => row.status === 'draft')).toHaveLength(1);
      expect(rows.filter((row) => row.status === 'returned')).toHaveLength(round + 1);
    }

    // The last signature against a comment: the agreement is either signed or sent back, never both.
    const { proposalId } = (await t.request({ method: 'POST', url: url('/propose'), token: tokens[student] })).json().pending;
    expect((await t.request({ method: 'POST', url: url('/approve'), token: tokens.psu, payload: { proposalId } })).statusCode).toBe(200);
    const [signed, returned] = await Promise.all([
      t.request({ method: 'POST', url: url('/approve'), token: tokens.buas, payload: { proposalId } }),
      t.request({ method: 'POST', url: url('/comment'), token: tokens.psu, payload: { proposalId, comment: 'Wait' } }),
    ]);
    expect([signed.statusCode, returned.statusCode].sort()).toEqual([200, 409]);
    const final = (await t.request({ method: 'GET', url: url(''), token: tokens[student] })).json();
    expect(final.status).toBe(signed.statusCode === 200 ? 'signed' : 'returned');
  }, 180_000);
});
