// The API's shapes, generated from its OpenAPI document (libs/client, `npm run client:generate`):
// type-only, so nothing of libs/client reaches the browser.
import type { components, paths } from '../../../../libs/client/src/api-schema.js';

/** A named shape of the API document: `ApiSchema<'Me'>`, `ApiSchema<'PortalRecord'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Operations<Path extends keyof paths> = paths[Path];

/** The JSON body of a request, by path and method. */
export type RequestBody<
  Path extends keyof paths,
  Method extends 'post' | 'patch',
> = Operations<Path>[Method] extends { requestBody: { content: { 'application/json': infer Body } } }
  ? Body
  : never;
