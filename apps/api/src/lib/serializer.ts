import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson, { type Schema } from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';

type JsonSchema = { [key: string]: unknown };

/**
 * `nullable()` comes out of zod as `anyOf: [T, null]`, which fast-json-stringify resolves by
 * validating every value against each branch; `type: [T, 'null']` says the same and is written
 * directly. Only plain scalar branches are folded: anything richer keeps its `anyOf`.
 */
function foldNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(foldNullable);
  if (schema === null || typeof schema !== 'object') return schema;
  const folded: JsonSchema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, foldNullable(value)]));
  const branches = folded.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const nullBranch = branches.findIndex((branch: JsonSchema) => branch.type === 'null' && Object.keys(branch).length === 1);
    const other = branches[1 - nullBranch] as JsonSchema | undefined;
    if (nullBranch !== -1 && other && ['string', 'number', 'integer', 'boolean'].includes(other.type as string) && !other.enum && !other.const) {
      const { anyOf: _anyOf, ...rest } = folded;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return folded;
}

/**
 * Responses are written by fast-json-stringify from the JSON Schema of each route's zod response
 * schema. As with zod's own serializer, only the properties the schema names go out (a partner's
 * dossier cannot leak a field the schema leaves out), but a page of 50 applications no longer
 * costs a full zod parse of every item. A schema JSON Schema cannot express falls back to zod.
 */
export const serializerCompiler: FastifySerializerCompiler<ZodType> = (route) => {
  const schema = route.schema;
  if (!(schema instanceof z.ZodType)) return zodSerializerCompiler(route as never);
  let jsonSchema: unknown;
  try {
    jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
  } catch {
    return zodSerializerCompiler(route as never);
  }
  return fastJson(foldNullable(jsonSchema) as Schema);
};
