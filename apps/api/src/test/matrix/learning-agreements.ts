/**
 * The matrix rows of the learning agreement. Ownership follows the mobilities' (own = the
 * student's own mobility, or for staff one whose sending side is home; same = a fellow
 * student's, or for staff one whose receiving side is home; other = between two other parties).
 * The agreement's state each route needs (a draft, a proposal awaiting this office, a signed
 * version) is written straight into the database, so each cell tests access alone.
 */
import { randomUUID } from 'node:crypto';
import { learningAgreementVersions, type StoredSignature } from '@exchange/db';
import type { LearningAgreementContent } from '@exchange/shared';
import { missingId, type Fixtures } from '../fixtures/security.js';
import { mobilityFor } from './mobilities.js';
import { env, get, only, type Caller, type Owner, type Table } from './support.js';

const content: LearningAgreementContent = {
  studied: [{ code: 'CHN101', title: 'Chinese I', credits: 4, term: 'Autumn 2026', change: null, reason: null }],
  recognised: [{ code: 'B1.07', title: 'Chinese language', credits: 4, change: null, reason: null }],
  languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
  hostCatalogueUrl: null,
  homeCatalogueUrl: null,
};
const signature = (): StoredSignature => ({ userId: randomUUID(), name: 'Signer', at: new Date().toISOString() });

type Stage = 'draft' | 'proposed' | 'signed';

/** A mobility of the given ownership whose agreement stands at `stage`; for a proposal, awaiting the caller's side. */
async function agreementFor(f: Fixtures, caller: Caller, owner: Owner, stage: Stage) {
  if (owner === 'missing') return { id: missingId, proposalId: randomUUID() };
  const id = await mobilityFor(f, caller, owner);
  const proposalId = randomUUID();
  const db = env.t.database.db;
  if (stage === 'draft') {
    await db.insert(learningAgreementVersions).values({ mobilityId: id, status: 'draft', kind: 'first', content });
  } else {
    // A staff caller of the receiving side ("same") finds the sending office's signature there already.
    const signedBySending = stage === 'signed' || (owner === 'same' && caller.role !== 'student');
    await db.insert(learningAgreementVersions).values({
      mobilityId: id,
      status: stage,
      kind: 'first',
      number: 1,
      proposalId,
      content,
      studentSignature: signature(),
      sendingSignature: signedBySending ? signature() : null,
      receivingSignature: stage === 'signed' ? signature() : null,
      proposedAt: new Date(),
      signedAt: stage === 'signed' ? new Date() : null,
    });
  }
  return { id, proposalId };
}

const url = (id: string, path = '') => `/api/v1/mobilities/${id}/learning-agreement${path}`;
const visible = only({
  student: [200, 404, 404, 404],
  coordinator: [200, 200, 404, 404],
  reviewer: [200, 200, 404, 404],
  admin: [200, 200, 200, 404],
});

export const learningAgreements: Table = {
  'GET /api/v1/mobilities/:id/learning-agreement': {
    owned: true,
    build: async (f, caller, owner) => get(url((await agreementFor(f, caller, owner, 'draft')).id)),
    expect: visible,
  },
  'PUT /api/v1/mobilities/:id/learning-agreement/draft': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'PUT', url: url((await agreementFor(f, caller, owner, 'draft')).id, '/draft'), payload: content }),
    expect: only({ student: [200, 404, 404, 404] }),
  },
  'POST /api/v1/mobilities/:id/learning-agreement/propose': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: url((await agreementFor(f, caller, owner, 'draft')).id, '/propose') }),
    expect: only({ student: [200, 404, 404, 404] }),
  },
  // Both offices sign (each in its turn); a reviewer or the administrator sees the agreement but does not sign.
  'POST /api/v1/mobilities/:id/learning-agreement/approve': {
    owned: true,
    build: async (f, caller, owner) => {
      const { id, proposalId } = await agreementFor(f, caller, owner, 'proposed');
      return { method: 'POST', url: url(id, '/approve'), payload: { proposalId } };
    },
    expect: only({ coordinator: [200, 200, 404, 404] }),
  },
  'POST /api/v1/mobilities/:id/learning-agreement/comment': {
    owned: true,
    build: async (f, caller, owner) => {
      const { id, proposalId } = await agreementFor(f, caller, owner, 'proposed');
      return { method: 'POST', url: url(id, '/comment'), payload: { proposalId, comment: 'Please add the course code.' } };
    },
    expect: only({ coordinator: [200, 200, 404, 404] }),
  },
  'GET /api/v1/mobilities/:id/learning-agreement.pdf': {
    owned: true,
    build: async (f, caller, owner) => get(url((await agreementFor(f, caller, owner, 'signed')).id, '.pdf?locale=en')),
    expect: visible,
  },
};
