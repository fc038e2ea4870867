/**
 * The matrix rows of the EWP documents. Mobility rows follow the mobilities' ownership (own =
 * outgoing from home, same = incoming to home, other = between two other parties); the state
 * each document needs (the student's identity, a signed learning agreement, a proposal awaiting
 * the receiving office, a transcript) is written straight into the database. IIA rows: own =
 * home and one partner, same = home and the other partner, other = the two other parties,
 * missing = an agreement that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { applications, institutions, learningAgreementVersions, mobilities, mobilityTranscripts, users } from '@exchange/db';
import type { LearningAgreementContent } from '@exchange/shared';
import { updateRequest } from '../fixtures/ewp.js';
import { missingId, type Fixtures } from '../fixtures/security.js';
import { mobilityFor } from './mobilities.js';
import { env, get, only, otherOf, thirdOf, type Caller, type Owner, type Table } from './support.js';

const content: LearningAgreementContent = {
  studied: [{ code: 'H1', title: 'Host course', credits: 4, term: 'Autumn 2026', change: null, reason: null }],
  recognised: [{ code: 'R1', title: 'Home course', credits: 4, change: null, reason: null }],
  languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
  hostCatalogueUrl: null,
  homeCatalogueUrl: null,
};

async function signer() {
  const [someone] = await env.t.database.db.select({ id: users.id, name: users.fullName }).from(users).where(eq(users.email, 'admin@exchange.test'));
  return { userId: someone!.id, name: someone!.name, at: new Date().toISOString() };
}

type Stage = 'nominated' | 'signed' | 'transcript' | 'proposed';

/** A mobility of that ownership whose data the document needs is there; the id and, for an import, the pending proposal and sending heiId. */
async function mobilityAt(f: Fixtures, caller: Caller, owner: Owner, stage: Stage) {
  if (owner === 'missing') return { id: missingId, proposalId: randomUUID(), sendingHeiId: 'pnzgu.ru' };
  const id = await mobilityFor(f, caller, owner, stage === 'transcript' ? 'abroad' : stage === 'signed' ? 'admitted' : 'opened');
  const db = env.t.database.db;
  const [mobility] = await db.select().from(mobilities).where(eq(mobilities.id, id));
  await db.update(applications).set({ birthDate: '2004-01-01', citizenship: 'RU', sex: 2 }).where(eq(applications.id, mobility!.applicationId));
  const [sending] = await db.select({ heiId: institutions.heiId }).from(institutions).where(eq(institutions.id, mobility!.sendingInstitutionId));
  const proposalId = randomUUID();
  const signature = await signer();
  if (stage === 'signed' || stage === 'proposed') {
    const signed = stage === 'signed';
    await db.insert(learningAgreementVersions).values({
      mobilityId: id,
      status: signed ? 'signed' : 'proposed',
      kind: 'first',
      number: 1,
      proposalId,
      content,
      studentSignature: signature,
      sendingSignature: signature,
      receivingSignature: signed ? signature : null,
      proposedAt: new Date(),
      signedAt: signed ? new Date() : null,
    });
  }
  if (stage === 'transcript') {
    await db.insert(mobilityTranscripts).values({
      mobilityId: id,
      issuedOn: '2026-11-25',
      components: [{ code: 'H1', title: 'Host course', credits: 4, grade: '75', passed: true, date: '2026-11-20' }],
      recordedBy: signature.userId,
      recordedAt: new Date(),
    });
  }
  return { id, proposalId, sendingHeiId: sending!.heiId! };
}

const document = (stage: Stage, name: string) => async (f: Fixtures, caller: Caller, owner: Owner) =>
  get(`/api/v1/mobilities/${(await mobilityAt(f, caller, owner, stage)).id}/ewp/${name}.xml`);
const bothOffices = only({
  coordinator: [200, 200, 404, 404],
  reviewer: [200, 200, 404, 404],
  admin: [200, 200, 200, 404],
});

export const ewpRows: Table = {
  'GET /api/v1/mobilities/:id/ewp/omobility.xml': { owned: true, build: document('nominated', 'omobility'), expect: bothOffices },
  'GET /api/v1/mobilities/:id/ewp/learning-agreement.xml': { owned: true, build: document('signed', 'learning-agreement'), expect: bothOffices },
  'GET /api/v1/mobilities/:id/ewp/tor.xml': { owned: true, build: document('transcript', 'tor'), expect: bothOffices },
  // The receiving office imports its node's decision: the sending office sees the mobility but may not (403).
  'POST /api/v1/mobilities/:id/ewp/learning-agreement': {
    owned: true,
    build: async (f, caller, owner) => {
      const { id, proposalId, sendingHeiId } = await mobilityAt(f, caller, owner, 'proposed');
      return {
        method: 'POST',
        url: `/api/v1/mobilities/${id}/ewp/learning-agreement`,
        payload: updateRequest({ sendingHeiId, omobilityId: id, proposalId }),
        headers: { 'content-type': 'application/xml' },
      };
    },
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'GET /api/v1/agreements/:id/ewp/iia.xml': {
    owned: true,
    build: async (f, caller, owner) => {
      const home = caller.home;
      const [a, b] = owner === 'same' ? [home, thirdOf(home)] : owner === 'other' ? [otherOf(home), thirdOf(home)] : [home, otherOf(home)];
      const agreementId = owner === 'missing' ? missingId : env.agreementId;
      return get(`/api/v1/agreements/${agreementId}/ewp/iia.xml?partners=${f.institution[a]},${f.institution[b]}`);
    },
    expect: bothOffices,
  },
};
