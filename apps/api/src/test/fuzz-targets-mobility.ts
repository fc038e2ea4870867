/**
 * Fuzz targets of the mobility's write endpoints that take a body (learning agreement,
 * transcript, recognition) and of grading: each on a demo mobility or institution, for a caller
 * the route admits, with a valid body the generators mutate.
 */
import type { Fixtures } from './fixtures/security.js';
import type { TestContext } from './helper.js';

type Target = { email: string; url: string; base: Record<string, unknown> };

async function mobilityOf(t: TestContext, studentEmail: string) {
  const [row] = await t.database.rows<{ id: string }>('select m.id from mobilities m join users u on u.id = m.student_id where u.email = $1', [studentEmail]);
  return row!.id;
}

async function pendingProposal(t: TestContext, mobilityId: string) {
  const [row] = await t.database.rows<{ proposal_id: string }>(
    "select proposal_id from learning_agreement_versions where mobility_id = $1 and status = 'proposed'",
    [mobilityId],
  );
  return row?.proposal_id ?? '00000000-0000-4000-8000-000000000000';
}

export async function mobilityTargetFor(t: TestContext, f: Fixtures, key: string, url: string): Promise<Target | undefined> {
  const coordinator = 'coordinator@psu.exchange.test';
  switch (key) {
    case 'PUT /api/v1/mobilities/:id/learning-agreement/draft': {
      // A PSU student at BUAS with a signed agreement: the body is a change proposal.
      const student = 'student4@psu.exchange.test';
      const change = { code: 'NEW1', title: '书法', credits: 2, term: 'Autumn', change: 'added', reason: 'Interest' };
      return {
        email: student,
        url: url.replace(':id', await mobilityOf(t, student)),
        base: {
          studied: [change],
          recognised: [],
          languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
          hostCatalogueUrl: 'https://example.test/c',
        },
      };
    }
    case 'POST /api/v1/mobilities/:id/learning-agreement/approve':
    case 'POST /api/v1/mobilities/:id/learning-agreement/comment': {
      const id = await mobilityOf(t, 'student1@buas.exchange.test');
      return { email: 'coordinator@buas.exchange.test', url: url.replace(':id', id), base: { proposalId: await pendingProposal(t, id), comment: 'c' } };
    }
    case 'PUT /api/v1/mobilities/:id/transcript':
      return {
        email: coordinator,
        url: url.replace(':id', await mobilityOf(t, 'student1@buas.exchange.test')),
        base: { issuedOn: '2026-12-01', components: [{ code: 'C1', title: 'T', credits: 3, grade: '5', passed: true, date: '2026-11-30' }] },
      };
    case 'POST /api/v1/mobilities/:id/recognition':
      return {
        email: coordinator,
        url: url.replace(':id', await mobilityOf(t, 'student5@psu.exchange.test')),
        base: { components: [{ code: 'Б1.В.07', recognised: true, homeGrade: '5', homeCredits: 6, note: null }] },
      };
    case 'PUT /api/v1/institutions/:id/grading':
      return {
        email: coordinator,
        url: url.replace(':id', f.institution.PSU),
        base: { gradeScale: { numeric: null, grades: [{ value: '5', passing: true }] }, creditUnit: { name: 'з.е.', ectsFactor: 1 } },
      };
    case 'PUT /api/v1/grade-conversions/:fromId/:toId':
      return {
        email: coordinator,
        url: url.replace(':fromId', f.institution.BUAS).replace(':toId', f.institution.PSU),
        base: { rules: [{ from: { min: 0, max: 100 }, to: '5' }] },
      };
    case 'PATCH /api/v1/institutions/:id':
      return { email: 'admin@exchange.test', url: url.replace(':id', f.institution.BRI), base: { heiId: 'bjtljs.edu.cn' } };
  }
  return undefined;
}
