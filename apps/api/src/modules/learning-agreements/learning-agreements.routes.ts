import {
  idParams,
  learningAgreement,
  learningAgreementApproval,
  learningAgreementComment,
  learningAgreementDraftUpdate,
  learningAgreementPdfQuery,
  learningAgreementProposal,
} from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { fileResponse, problems, type Api } from '../../lib/route.js';
import type { LearningAgreementsService } from './learning-agreements.service.js';

const tags = ['learning agreements'];
const security = [{ bearer: [] }];

export async function learningAgreementsRoutes(app: Api, { learningAgreements }: { learningAgreements: LearningAgreementsService }) {
  app.get('/mobilities/:id/learning-agreement', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The learning agreement: the version in force, the pending proposal, the student’s draft and every proposal so far',
      security,
      params: idParams,
      response: { 200: learningAgreement, ...problems() },
    },
    handler: (request) => learningAgreements.view(request.actor!, request.params.id),
  });

  app.put('/mobilities/:id/learning-agreement/draft', {
    config: { access: ['student'] },
    schema: {
      tags,
      summary: 'The student saves the draft: the first version, or a change to the one in force (each added or removed component marked, with a reason)',
      security,
      params: idParams,
      body: learningAgreementDraftUpdate,
      response: { 200: learningAgreement, ...problems(409, 422) },
    },
    handler: (request) => learningAgreements.saveDraft(who(request), request.params.id, request.body),
  });

  app.post('/mobilities/:id/learning-agreement/propose', {
    config: { access: ['student'] },
    schema: {
      tags,
      summary:
        'The student signs the draft and sends it to the sending office; it gets a new `proposalId`. With `draftUpdatedAt`, a draft changed since answers 409 `stale_draft`',
      security,
      params: idParams,
      body: learningAgreementProposal,
      response: { 200: learningAgreement, ...problems(409, 422) },
    },
    handler: (request) => learningAgreements.propose(who(request), request.params.id, request.body?.draftUpdatedAt),
  });

  app.post('/mobilities/:id/learning-agreement/approve', {
    config: { access: ['coordinator'] },
    schema: {
      tags,
      summary: 'The sending office, then the receiving office, signs the proposal `proposalId`; 409 when it is not the current one',
      security,
      params: idParams,
      body: learningAgreementApproval,
      response: { 200: learningAgreement, ...problems(409) },
    },
    handler: (request) => learningAgreements.approve(who(request), request.params.id, request.body.proposalId),
  });

  app.post('/mobilities/:id/learning-agreement/comment', {
    config: { access: ['coordinator'] },
    schema: {
      tags,
      summary: 'Either office sends the proposal back to the student with a comment; 409 when it is not the current one',
      security,
      params: idParams,
      body: learningAgreementComment,
      response: { 200: learningAgreement, ...problems(409) },
    },
    handler: (request) => learningAgreements.comment(who(request), request.params.id, request.body),
  });

  app.get('/mobilities/:id/learning-agreement.pdf', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The signed learning agreement in force as a PDF, in `locale` (the reader’s language by default)',
      security,
      params: idParams,
      querystring: learningAgreementPdfQuery,
      response: { 200: fileResponse('The learning agreement as a PDF, as an attachment', ['application/pdf']), ...problems() },
    },
    handler: async (request, reply) => {
      const printed = await learningAgreements.pdf(request.actor!, request.params.id, request.query.locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${printed.fileName}"`)
        .send(printed.content as never);
    },
  });
}
