/**
 * Erasmus Without Paper documents: builders from plain data to XML, validation against the
 * official schemas (shipped in `apps/api/ewp-schemas/`), and the reading of a learning agreement
 * update request. No database and no routes here: a service fills the input types.
 */
export { EwpDocumentError, EwpInputError } from './errors.js';
export { iiaHash, iiaHashesOf, iiaTextToHash } from './iia-hash.js';
export { buildIiaGetResponse, cooperationConditions, type CooperationCondition } from './iia.js';
export { cefrLevelOf } from './language.js';
export { parseOlaUpdateRequest, type OlaUpdateRequest, type ReceivedSignature } from './ola-update.js';
export { buildOlaGetResponse } from './ola.js';
export { buildOmobilitiesGetResponse } from './omobility.js';
export { buildTorGetResponse } from './tor.js';
export type * from './types.js';
export { validateEwp, type EwpDocumentKind, type EwpValidation } from './validate.js';
export { europeanStudentIdentifier, parseXml, type XmlElement } from './xml.js';
