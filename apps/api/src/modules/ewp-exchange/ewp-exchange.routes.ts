import type { FastifyReply } from 'fastify';
import { ewpIiaQuery, ewpXmlBody, idParams, learningAgreement } from '@exchange/shared';
import { AppError } from '../../errors.js';
import { who } from '../../lib/audit.js';
import { fileResponse, problems, type Api } from '../../lib/route.js';
import type { EwpExchangeService, XmlDocument } from './ewp-exchange.service.js';

const tags = ['ewp'];
const security = [{ bearer: [] }];
const xmlTypes = ['application/xml', 'text/xml'];
const xmlResponse = (description: string) => fileResponse(`${description}, as an attachment`, ['application/xml']);
/** An update request is a few kilobytes; this leaves room for long comments and nothing more. */
export const ewpXmlBodyLimit = 128 * 1024;

const sendXml = (reply: FastifyReply, { xml, fileName }: XmlDocument) =>
  reply
    .type('application/xml; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(xml as never);

const offices = ['coordinator', 'reviewer', 'admin'] as const;

export async function ewpExchangeRoutes(app: Api, { ewp }: { ewp: EwpExchangeService }) {
  // In this plugin's scope only: the other routes keep taking JSON alone.
  app.addContentTypeParser(xmlTypes, { parseAs: 'string', bodyLimit: ewpXmlBodyLimit }, (_request, body, done) => done(null, body));

  app.get('/mobilities/:id/ewp/omobility.xml', {
    config: { access: [...offices] },
    schema: {
      tags,
      summary: 'The nomination as an EWP Outgoing Mobilities v3 `omobilities-get-response`, for both offices and the administrator',
      security,
      params: idParams,
      response: { 200: xmlResponse('The nomination as EWP XML'), ...problems(409) },
    },
    handler: async (request, reply) => sendXml(reply, await ewp.omobility(who(request), request.params.id)),
  });

  app.get('/mobilities/:id/ewp/learning-agreement.xml', {
    config: { access: [...offices] },
    schema: {
      tags,
      summary:
        'The learning agreement as an EWP OLA v1.2 `omobility-las-get-response`: the first signed version, the latest signed change, the proposal awaiting the receiving office; 409 `no_learning_agreement` before any',
      security,
      params: idParams,
      response: { 200: xmlResponse('The learning agreement as EWP XML'), ...problems(409) },
    },
    handler: async (request, reply) => sendXml(reply, await ewp.learningAgreement(who(request), request.params.id)),
  });

  app.get('/mobilities/:id/ewp/tor.xml', {
    config: { access: [...offices] },
    schema: {
      tags,
      summary: 'The host’s transcript of records as an EWP ToR v3 `imobility-tors-get-response` (EMREX ELMO 2); 409 `no_transcript` before it is recorded',
      security,
      params: idParams,
      response: { 200: xmlResponse('The transcript of records as EWP XML'), ...problems(409) },
    },
    handler: async (request, reply) => sendXml(reply, await ewp.transcript(who(request), request.params.id)),
  });

  app.get('/agreements/:id/ewp/iia.xml', {
    config: { access: [...offices] },
    schema: {
      tags,
      summary:
        'The IIA v7 (`iias-get-response` with its `iia-hash`) of two parties of the agreement, `partners=A,B` (institution ids; A’s copy): in EWP terms the tripartite agreement is three bilateral IIAs, one per pair. For the administrator and the staff of A or B',
      security,
      params: idParams,
      querystring: ewpIiaQuery,
      response: { 200: xmlResponse('The IIA of the pair as EWP XML'), ...problems(409) },
    },
    handler: async (request, reply) => sendXml(reply, await ewp.iia(request.actor!, request.params.id, request.query.partners)),
  });

  app.post('/mobilities/:id/ewp/learning-agreement', {
    config: { access: ['coordinator'] },
    schema: {
      tags,
      summary:
        'The receiving office imports what its EWP node received: an OLA v1.2 `omobility-las-update-request` (`application/xml`) approving or commenting a proposal, applied as the JSON approve and comment routes are (409 `stale_proposal`, `awaiting_sending`); refused with the schema’s messages when not valid',
      security,
      params: idParams,
      consumes: xmlTypes,
      body: ewpXmlBody,
      response: { 200: learningAgreement, ...problems(409, 422) },
    },
    preValidation: async (request) => {
      const type = String(request.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      if (!xmlTypes.includes(type)) throw new AppError(415, 'unsupported_media_type', 'Send the update request as application/xml.');
    },
    handler: (request) => ewp.importUpdate(who(request), request.params.id, request.body),
  });
}
