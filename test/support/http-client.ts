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

/** Small fetch wrapper so e2e tests read like the HTTP contract: `await api(url).post('/v1/portals', body, { token })`. */
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
