import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './api-schema';

export type { components, operations, paths } from './api-schema';
export { PROBLEM_CODES, type ProblemCode } from './problem-codes';

/** A named shape of the API document: `ApiSchema<'Me'>`, `ApiSchema<'PortalRecordList'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type PortalApiClient = Client<paths>;

/**
 * A typed client of the portal API, generated from its OpenAPI document (openapi-typescript
 * types, openapi-fetch calls): paths, parameters, bodies and answers are checked by the compiler.
 * `baseUrl` is the service's origin, e.g. `http://localhost:3000`.
 */
export function createPortalApiClient(
  baseUrl: string,
  options: Omit<ClientOptions, 'baseUrl'> = {},
): PortalApiClient {
  return createClient<paths>({ baseUrl, ...options });
}
