/**
 * Reading an EWP Online Learning Agreement v1.2 `omobility-las-update-request`: the receiving
 * institution approves the pending changes proposal or sends it back with a comment.
 */
import { EwpDocumentError } from './errors.js';
import type { Instant } from './types.js';
import { validateEwp } from './validate.js';
import { childElements, childText, firstChild, parseXml, type XmlElement } from './xml.js';

/** A signature as the other side sent it: EWP makes only its time required. */
export type ReceivedSignature = { name: string | null; position: string | null; email: string | null; at: Instant; app: string | null };

export type OlaUpdateRequest = {
  sendingHeiId: string;
  omobilityId: string;
  action: 'approve' | 'comment';
  /** The changes proposal acted on: the `id` of the `changes-proposal` it was given. */
  proposalId: string;
  /** Why the proposal is sent back (with `comment` only). */
  comment?: string;
  signature: ReceivedSignature;
};

const actions = { 'approve-proposal-v1': 'approve', 'comment-proposal-v1': 'comment' } as const;

/**
 * The request's content, once it is a valid update request. Throws `EwpDocumentError` with the
 * validator's errors for anything else, and for an action this side does not take.
 */
export async function parseOlaUpdateRequest(xml: string): Promise<OlaUpdateRequest> {
  const validation = await validateEwp('ola-update-request', xml);
  if (!validation.valid) throw new EwpDocumentError('Not a valid learning agreement update request', validation.errors);

  const root = parseXml(xml);
  const [element, ...more] = childElements(root).filter((child) => child.localName !== 'sending-hei-id');
  const action = element && Object.hasOwn(actions, element.localName) ? actions[element.localName as keyof typeof actions] : undefined;
  if (!element || !action || more.length > 0) {
    throw new EwpDocumentError(`A learning agreement update request either approves or comments a proposal (${Object.keys(actions).join(' or ')})`);
  }
  const comment = action === 'comment' ? required(element, 'comment') : undefined;
  return {
    sendingHeiId: required(root, 'sending-hei-id'),
    omobilityId: required(element, 'omobility-id'),
    action,
    proposalId: required(element, 'changes-proposal-id'),
    ...(comment === undefined ? {} : { comment }),
    signature: signatureOf(firstChild(element, 'signature')),
  };
}

/** The schema requires these elements: their absence means a defect here, not in the request. */
function required(parent: XmlElement, name: string): string {
  const text = childText(parent, name);
  if (text === null) throw new EwpDocumentError(`The update request has no ${name}`);
  return text.trim();
}

function signatureOf(element: XmlElement | undefined): ReceivedSignature {
  if (!element) throw new EwpDocumentError('The update request has no signature');
  const optional = (name: string) => childText(element, name)?.trim() || null;
  return {
    name: optional('signer-name'),
    position: optional('signer-position'),
    email: optional('signer-email'),
    at: required(element, 'timestamp'),
    app: optional('signer-app'),
  };
}
