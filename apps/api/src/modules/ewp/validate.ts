/**
 * Validation of EWP documents against the official XML Schemas, offline: libxml2's xmllint
 * compiled to WebAssembly (`xmllint-wasm`) reads every schema from memory, where they are
 * preloaded under their paths in `apps/api/ewp-schemas/` (see its README).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo, type XMLValidationError } from 'xmllint-wasm';
import { namespaces, parseXml } from './xml.js';

export type EwpDocumentKind = 'omobilities-get-response' | 'ola-get-response' | 'ola-update-request' | 'iia-get-response' | 'tor-get-response';

export type EwpValidation = { valid: boolean; errors: string[] };

/** Each kind's schema and the root element it must have. */
const documents: Record<EwpDocumentKind, { schema: string; namespace: string; root: string }> = {
  'omobilities-get-response': {
    schema: 'ewp-specs-api-omobilities-v3.0.0/endpoints/get-response.xsd',
    namespace: namespaces.omobilities,
    root: 'omobilities-get-response',
  },
  'ola-get-response': {
    schema: 'ewp-specs-api-omobility-las-v1.2.0/endpoints/get-response.xsd',
    namespace: namespaces.las,
    root: 'omobility-las-get-response',
  },
  'ola-update-request': {
    schema: 'ewp-specs-api-omobility-las-v1.2.0/endpoints/update-request.xsd',
    namespace: namespaces.lasUpdate,
    root: 'omobility-las-update-request',
  },
  'iia-get-response': { schema: 'ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd', namespace: namespaces.iias, root: 'iias-get-response' },
  'tor-get-response': {
    schema: 'ewp-specs-api-imobility-tors-v3.0.0/endpoints/get-response.xsd',
    namespace: namespaces.tors,
    root: 'imobility-tors-get-response',
  },
};

/**
 * Imports that name a file on the web (or, for ELMO's address type, a version the registry does
 * not pin), and the local copy of the same namespace that stands in for each.
 */
const localCopies: Record<string, string> = {
  'https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-types-phonenumber/stable-v1/schema.xsd': 'ewp-specs-types-phonenumber-v1.0.1/schema.xsd',
  'https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-types-academic-term/stable-v1/schema.xsd':
    'ewp-specs-types-academic-term-v1.1.0/schema.xsd',
  'https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-api-omobility-las/stable-v1/endpoints/get-response.xsd':
    'ewp-specs-api-omobility-las-v1.2.0/endpoints/get-response.xsd',
  'https://raw.githubusercontent.com/emrex-eu/elmo-schemas/v2.1.1/schema.xsd': 'elmo-schemas-v2.1.1/schema.xsd',
  '../ewp-specs-types-address-v1.0.1/schema.xsd': 'ewp-specs-types-address-v1.0.2/schema.xsd',
};

// The same folder from src/modules/ewp/ (tests, tsx) and from dist/modules/ewp/ (the build).
const schemaFolder = fileURLToPath(new URL('../../../ewp-schemas/', import.meta.url));

function schemaFilesUnder(folder: string): string[] {
  return readdirSync(path.join(schemaFolder, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return schemaFilesUnder(relative);
    return entry.name.endsWith('.xsd') ? [relative] : [];
  });
}

/** Points each import listed in `localCopies` at the local file, relative to the importing schema. */
function withLocalImports(file: string, contents: string): string {
  return contents.replace(/schemaLocation="([^"]+)"/g, (attribute, location: string) => {
    const local = localCopies[location];
    return local ? `schemaLocation="${path.posix.relative(path.posix.dirname(file), local)}"` : attribute;
  });
}

// Read once: the schemas are read-only data shipped with the code.
let schemaFiles: XMLFileInfo[] | undefined;

function loadSchemas(): XMLFileInfo[] {
  schemaFiles ??= schemaFilesUnder('').map((file) => ({
    fileName: file,
    contents: withLocalImports(file, readFileSync(path.join(schemaFolder, file), 'utf8')),
  }));
  return schemaFiles;
}

const documentFile = 'document.xml';

/**
 * `line 12: Element 'status': [facet 'enumeration'] …`: without the validator's file name and
 * error class, and with the document's own namespace left out of element names (any other
 * namespace stays, since a misplaced one is often the error).
 */
function readable(error: XMLValidationError, documentNamespace: string): string {
  const message = error.message
    .replace(/^.*?(Schemas validity error|Schemas parser error|parser error|namespace error)\s*:\s*/, '')
    .replaceAll(`{${documentNamespace}}`, '');
  if (!error.loc) return message;
  const where = error.loc.fileName === documentFile ? '' : `${error.loc.fileName} `;
  return `${where}line ${error.loc.lineNumber}: ${message}`;
}

/**
 * Is `xml` a well-formed document of that kind, valid against its official schema? The errors
 * say what is wrong and on which line. The root element is checked too: a schema also accepts
 * any of its global elements (a lone `student`, say) as a document of its own.
 */
export async function validateEwp(kind: EwpDocumentKind, xml: string): Promise<EwpValidation> {
  const expected = documents[kind];
  const schemas = loadSchemas();
  const main = schemas.find((file) => file.fileName === expected.schema);
  if (!main) throw new Error(`The schema ${expected.schema} is missing from ${schemaFolder}`);

  const result = await validateXML({
    xml: { fileName: documentFile, contents: xml },
    schema: main,
    preload: schemas.filter((file) => file !== main),
  });
  // The other lines echo the offending source line and put a caret under it.
  const fileNames = new Set([documentFile, ...schemas.map((file) => file.fileName)]);
  const located = result.errors.filter((error) => error.loc !== null && fileNames.has(error.loc.fileName) && Number.isFinite(error.loc.lineNumber));
  // The document's own parser errors, not a schema's (`Schemas parser error`).
  const parserErrors = located.filter((error) => error.loc?.fileName === documentFile && /^(parser|namespace) error\b/.test(error.message));
  if (parserErrors.length > 0) return { valid: false, errors: parserErrors.map((error) => `not well-formed XML: ${readable(error, expected.namespace)}`) };
  if (!result.valid) return { valid: false, errors: (located.length > 0 ? located : result.errors).map((error) => readable(error, expected.namespace)) };

  const root = parseXml(xml);
  if (root.localName !== expected.root || root.namespaceURI !== expected.namespace) {
    return { valid: false, errors: [`the root element is {${root.namespaceURI ?? ''}}${root.localName}, not {${expected.namespace}}${expected.root}`] };
  }
  return { valid: true, errors: [] };
}
