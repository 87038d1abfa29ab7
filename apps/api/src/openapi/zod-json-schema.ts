import { z } from 'zod';
import { apiSchemas } from './api-schemas';

export type SchemaObject = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/**
 * A request schema (body, query or path parameter) as OpenAPI 3.1 JSON Schema, inlined: what the
 * validation pipe accepts (io 'input', so defaults make fields optional).
 */
export function requestJsonSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    metadata: z.registry(),
  }) as SchemaObject;
  return json;
}

/**
 * A response schema as OpenAPI 3.1 JSON Schema: named shapes inside it are references to
 * `components.schemas` (see apiSchemas), and `components` carries their definitions. The form
 * @nestjs/swagger's `standardSchemaConverter` option expects.
 */
export function responseJsonSchema(schema: z.ZodType): { schema: SchemaObject; components: SchemaObject } {
  const {
    $schema: _,
    $defs,
    ...json
  } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
    metadata: apiSchemas,
    reused: 'inline',
  }) as SchemaObject & { $defs?: Record<string, SchemaObject> };
  const components: SchemaObject = {};
  for (const [name, definition] of Object.entries($defs ?? {}))
    components[name] = withComponentRefs(definition);
  return { schema: withComponentRefs(json), components };
}

/** `#/$defs/Name` (zod's local definitions) → `#/components/schemas/Name`. */
function withComponentRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withComponentRefs) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: SchemaObject = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof child === 'string'
        ? child.replace('#/$defs/', COMPONENTS)
        : withComponentRefs(child);
  }
  return out as T;
}

/** For @nestjs/swagger's `standardSchemaConverter`: zod schemas only, in the io asked for. */
export function convertStandardSchema(schema: unknown, options: { schemaType: 'input' | 'output' }) {
  if (!(schema instanceof z.ZodType)) return undefined;
  if (options.schemaType === 'input') return { schema: requestJsonSchema(schema), components: {} };
  return responseJsonSchema(schema);
}
