/**
 * Checks a response against the published OpenAPI document: its operation (path template and
 * method), its status (or `default`), its media type and, for JSON, its body. Every request of
 * the test helper goes through it, so the document cannot drift from what the API sends.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type MediaTypeObject = { schema?: unknown };
type ResponseObject = { content?: Record<string, MediaTypeObject> };
type Operation = { responses?: Record<string, ResponseObject> };
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};
export type CheckedResponse = { statusCode: number; headers: Record<string, unknown>; body: string };

/** Paths that are not part of the API (the document itself and its UI). */
const outsideTheApi = /^\/api\/docs(\/|$)/;
/** What a request no route serves may answer: the router's own problems. */
const unroutedStatuses = [400, 404, 414];

// ajv-formats is CommonJS: its function is the default export under Node, or the module itself.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

const escapePointer = (part: string) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1'));
const mediaTypeOf = (headers: Record<string, unknown>) =>
  String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

export function createResponseChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
  addFormats(ajv);
  // Files are documented as `format: binary`; their bytes are not JSON and are not validated.
  ajv.addFormat('binary', true);
  ajv.addSchema(document as object, 'openapi');
  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`openapi#${pointer}`);
      if (!validate) throw new Error(`the document has no schema at ${pointer}`);
      validators.set(pointer, validate);
    }
    return validate;
  };

  // Literal templates before parametric ones: /applications/export.csv is not /applications/{id}.
  const templates = Object.keys(document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
      literal: template.replace(/\{[^}]+\}/g, '').length,
    }))
    .sort((a, b) => b.literal - a.literal);

  /** Whether a JSON body fits the schema at `pointer`; the ajv errors otherwise. */
  function bodyErrors(pointer: string, body: string): string | undefined {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return `the body is not JSON: ${body.slice(0, 200)}`;
    }
    const validate = validatorAt(pointer);
    if (validate(value)) return undefined;
    return `the body does not fit the schema: ${ajv.errorsText(validate.errors, { separator: '; ', dataVar: 'body' })}\n${body.slice(0, 500)}`;
  }

  /** The drift between a response and the document, or undefined when it is documented exactly. */
  return function check(method: string, url: string, response: CheckedResponse): string | undefined {
    const path = url.split('?')[0]!.split('#')[0]!;
    if (outsideTheApi.test(path)) return undefined;
    const verb = method.toUpperCase() === 'HEAD' ? 'get' : method.toLowerCase();
    const status = response.statusCode;
    const mediaType = mediaTypeOf(response.headers);
    const match = templates.find(({ pattern, template }) => pattern.test(path) && document.paths[template]![verb]);
    const hasBody = response.body.length > 0 && method.toUpperCase() !== 'HEAD';

    if (!match) {
      // No route serves it: the not-found handler's (or the router's) problem.
      const where = `${method} ${path} (no documented operation)`;
      if (!unroutedStatuses.includes(status)) return `${where} answered ${status}; only ${unroutedStatuses.join(', ')} may answer an address no route serves`;
      if (mediaType !== 'application/problem+json') return `${where} answered ${status} as ${mediaType || 'no media type'}, not application/problem+json`;
      const errors = bodyErrors('/components/schemas/Problem', response.body);
      return errors && `${where} answered ${status}: ${errors}`;
    }

    const operation = document.paths[match.template]![verb]!;
    const where = `${method.toUpperCase()} ${match.template}`;
    const responses = operation.responses ?? {};
    const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
    if (!key)
      return `${where} answered ${status}, which the document does not list (it lists ${Object.keys(responses).join(', ')}): ${response.body.slice(0, 300)}`;
    const content = responses[key]!.content;
    if (!content || Object.keys(content).length === 0) {
      return hasBody ? `${where} answered ${status} with a body (${mediaType}), which the document says has none` : undefined;
    }
    const documented = Object.keys(content).find((type) => type.toLowerCase() === mediaType);
    if (!documented) return `${where} answered ${status} as ${mediaType || 'no media type'}; the document says ${Object.keys(content).join(' or ')}`;
    if (!hasBody || !isJson(mediaType) || content[documented]!.schema === undefined) return undefined;
    const pointer = `/paths/${escapePointer(match.template)}/${verb}/responses/${key}/content/${escapePointer(documented)}/schema`;
    const errors = bodyErrors(pointer, response.body);
    return errors && `${where} answered ${status}: ${errors}`;
  };
}
