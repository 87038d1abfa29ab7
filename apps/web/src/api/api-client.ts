import { ApiError, networkProblem, problemFrom } from './problem-document.js';
import type { SessionStore, StoredSession } from '../session/session-store.js';

export type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** false for the calls made before logging in (login, invitation, password reset). */
  auth?: boolean;
  headers?: Record<string, string>;
}

/** Called when the API refuses the stored token: the session (as it was) is over. */
export type SessionEndedListener = (ended: StoredSession) => void;

/**
 * The JSON API of one portal (`/v1/portals/{slug}`), the same one any other client uses. Failures
 * become ApiError with the API's problem document; a refused token ends the session.
 */
export class ApiClient {
  /** The last command's X-Consistency-Token: reads after it wait for it (read-your-writes). */
  private consistencyToken: string | null = null;
  private sessionEndedListener: SessionEndedListener = () => undefined;

  constructor(
    private readonly base: string,
    private readonly session: SessionStore,
  ) {}

  onSessionEnded(listener: SessionEndedListener): void {
    this.sessionEndedListener = listener;
  }

  get<T>(path: string, query?: Query, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, { ...options, query });
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  put<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, options);
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const session = options.auth === false ? null : this.session.get();
    if (session) headers.authorization = `Bearer ${session.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method === 'GET' && this.consistencyToken) headers['x-consistency-token'] = this.consistencyToken;

    let response: Response;
    try {
      response = await fetch(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(networkProblem());
    }
    if (session && response.status !== 401) this.session.touch();
    const token = response.headers.get('x-consistency-token');
    if (method !== 'GET' && token) this.consistencyToken = token;
    if (!response.ok) {
      const problem = await problemFrom(response);
      if (response.status === 401 && session) {
        this.session.clear();
        this.sessionEndedListener(session);
      }
      throw new ApiError(problem);
    }
    if (response.status === 204 || response.status === 202) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private url(path: string, query: Query = {}): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') search.set(name, String(value));
    }
    const qs = search.toString();
    return `${this.base}${path}${qs ? `?${qs}` : ''}`;
  }
}
