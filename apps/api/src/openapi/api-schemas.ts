import { z } from 'zod';

/**
 * The named response shapes: each becomes one entry of the OpenAPI document's `components.schemas`
 * (and one named type in generated clients), referenced wherever it appears.
 */
export const apiSchemas = z.registry<{ id: string }>();

/** Registers `schema` under `id` in the document's components; returns it unchanged. */
export function named<S extends z.ZodType>(id: string, schema: S): S {
  apiSchemas.add(schema, { id });
  return schema;
}
