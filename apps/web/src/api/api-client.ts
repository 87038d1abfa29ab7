import {
  ApiError,
  networkProblem,
  problemFrom,
  problemOf,
  type ProblemDocument,
} from './problem-document.js';
import type { SessionStore, StoredSession } from '../session/session-store.js';

export type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** false for the calls made before logging in (login, invitation, password reset). */
  auth?: boolean;
  headers?: Record<string, string>;
}

/** How much of an upload's body has gone out: bytes sent of bytes in all. */
export type UploadProgress = (sent: number, total: number) => void;

/** Called when the API refuses the stored token: the session (as it was) is over. */
export type SessionEndedListener = (ended: StoredSession) => void;

/** Called when the API refuses a call of the session until the portal's current terms are accepted. */
export type ConsentRequiredListener = (refusal: ApiError) => void;

/**
 * The JSON API of one portal (`/v1/portals/{slug}`), the same one any other client uses. Failures
 * become ApiError with the API's problem document; a refused token ends the session.
 */
export class ApiClient {
  /** The last command's X-Consistency-Token: reads after it wait for it (read-your-writes). */
  private consistencyToken: string | null = null;
  private sessionEndedListener: SessionEndedListener = () => undefined;
  private consentRequiredListener: ConsentRequiredListener = () => undefined;

  constructor(
    private readonly base: string,
    private readonly session: SessionStore,
  ) {}

  onSessionEnded(listener: SessionEndedListener): void {
    this.sessionEndedListener = listener;
  }

  onConsentRequired(listener: ConsentRequiredListener): void {
    this.consentRequiredListener = listener;
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
    const headers = this.headers(method, options);
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.send(path, options, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 204 || response.status === 202) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The bytes of a file download (the token travels in a header, so a plain link cannot fetch it). */
  async download(path: string): Promise<Blob> {
    const response = await this.send(path, {}, { method: 'GET', headers: this.headers('GET', {}) });
    return response.blob();
  }

  /**
   * POSTs `form` (multipart) and reports the upload's progress: XMLHttpRequest, as fetch has no
   * upload progress in browsers without request streams over HTTP/2. Answers and refusals are read
   * as every other call's are.
   */
  upload<T>(path: string, form: FormData, onProgress: UploadProgress): Promise<T> {
    const headers = this.headers('POST', {});
    const session = this.session.get();
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.url(path));
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(event.loaded, event.total);
      });
      xhr.addEventListener('error', () => reject(new ApiError(networkProblem())));
      xhr.addEventListener('abort', () => reject(new ApiError(networkProblem())));
      xhr.addEventListener('load', () => {
        let body: unknown = null;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch {
          body = null;
        }
        const failure = this.answered(session, xhr.status, (name) => xhr.getResponseHeader(name), 'POST');
        if (failure) return reject(failure(problemOf(xhr.status, xhr.statusText, body)));
        resolve(body as T);
      });
      xhr.send(form);
    });
  }

  private headers(method: string, options: RequestOptions): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const session = options.auth === false ? null : this.session.get();
    if (session) headers.authorization = `Bearer ${session.token}`;
    if (method === 'GET' && this.consistencyToken) headers['x-consistency-token'] = this.consistencyToken;
    return headers;
  }

  /** Sends a request; a failed answer becomes ApiError with its problem document. */
  private async send(path: string, options: RequestOptions, init: RequestInit): Promise<Response> {
    const session = options.auth === false ? null : this.session.get();
    let response: Response;
    try {
      response = await fetch(this.url(path, options.query), {
        ...init,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(networkProblem());
    }
    const method = init.method ?? 'GET';
    const failure = this.answered(session, response.status, (name) => response.headers.get(name), method);
    if (failure) throw failure(await problemFrom(response));
    return response;
  }

  /**
   * What every answer does to the session (touched; ended by a 401; held at the terms by a 403
   * consent_required) and the read-your-writes
   * token; for a failed answer, how to turn its problem document into the error to throw.
   */
  private answered(
    session: StoredSession | null,
    status: number,
    header: (name: string) => string | null,
    method: string,
  ): ((problem: ProblemDocument) => ApiError) | null {
    if (session && status !== 401) this.session.touch();
    const token = header('x-consistency-token');
    if (method !== 'GET' && token) this.consistencyToken = token;
    if (status >= 200 && status < 300) return null;
    return (problem) => {
      const error = new ApiError(problem);
      if (status === 401 && session) {
        this.session.clear();
        this.sessionEndedListener(session);
      }
      if (status === 403 && session && error.code === 'consent_required') this.consentRequiredListener(error);
      return error;
    };
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
