import { conformanceOf } from './openapi-conformance';

/**
 * A response body as tests read it: loosely, so `res.json.items[0].id` reads like the contract
 * (the assertions check the values).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

/** What a test sends besides the body. */
export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = JsonBody> {
  status: number;
  headers: Headers;
  /** The parsed JSON body (problem documents included); undefined for an empty or non-JSON body. */
  json: T;
  text: string;
}

/**
 * Small fetch wrapper so e2e tests read like the HTTP contract: `await api(url).post('/v1/portals', body, { token })`.
 * Each answer is checked against the OpenAPI document the server serves; one that does not conform
 * (undeclared status, body not matching its schema) fails the test.
 */
export function api(baseUrl: string) {
  async function send<T>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: JsonBody;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // Every answer an e2e test reads must be one the OpenAPI document declares.
    const problems = (await conformanceOf(baseUrl)).check(
      method,
      `${baseUrl}${path}`,
      response.status,
      response.headers.get('content-type'),
      text,
    );
    if (problems && problems.length > 0) {
      throw new Error(`The answer does not conform to /docs/openapi.json:\n${problems.join('\n')}`);
    }
    return { status: response.status, headers: response.headers, json: json as T, text };
  }
  return {
    get: <T = JsonBody>(path: string, options?: RequestOptions) => send<T>('GET', path, undefined, options),
    delete: <T = JsonBody>(path: string, options?: RequestOptions) =>
      send<T>('DELETE', path, undefined, options),
    post: <T = JsonBody>(path: string, body?: unknown, options?: RequestOptions) =>
      send<T>('POST', path, body, options),
    put: <T = JsonBody>(path: string, body?: unknown, options?: RequestOptions) =>
      send<T>('PUT', path, body, options),
    patch: <T = JsonBody>(path: string, body?: unknown, options?: RequestOptions) =>
      send<T>('PATCH', path, body, options),
  };
}

export type ApiClient = ReturnType<typeof api>;
