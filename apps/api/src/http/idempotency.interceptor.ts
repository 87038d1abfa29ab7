import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
  OnModuleInit,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash, createHmac } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { from, Observable, of, switchMap } from 'rxjs';
import { deriveKey, type ServiceConfig } from '@portal/platform';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { ProblemException } from './problem';
import type { PortalRequest } from './request-context';

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';
const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['x-consistency-token', 'etag', 'location'];
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type StoredAnswer = {
  id: string;
  requestHash: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  createdAt: string;
};

/** Punctuation waiting on canonical()'s stack between the values it separates. */
class Punctuation {
  constructor(readonly text: string) {}
}

/**
 * Canonical JSON (sorted keys), so the same body in another key order is the same request.
 * Iterative, with its own stack: a deeply nested body cannot overflow the call stack.
 */
export function canonical(root: unknown): string {
  let out = '';
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value instanceof Punctuation) {
      out += value.text;
    } else if (Array.isArray(value)) {
      const parts: unknown[] = [new Punctuation('[')];
      value.forEach((item, i) => parts.push(...(i > 0 ? [new Punctuation(',')] : []), item));
      parts.push(new Punctuation(']'));
      pending.push(...parts.reverse());
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
      const parts: unknown[] = [new Punctuation('{')];
      entries.forEach(([key, item], i) =>
        parts.push(new Punctuation(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`), item),
      );
      parts.push(new Punctuation('}'));
      pending.push(...parts.reverse());
    } else {
      out += JSON.stringify(value ?? null);
    }
  }
  return out;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Answer fields that are credentials: such an answer is never stored (it would sit there in plain text). */
const CREDENTIAL_FIELDS = ['accessToken', 'refreshToken', 'token'];

function carriesCredential(body: unknown): boolean {
  return (
    body !== null && typeof body === 'object' && CREDENTIAL_FIELDS.some((field) => field in (body as object))
  );
}

/**
 * Idempotency-Key on commands: the same key with the same request replays the stored answer and
 * runs nothing; with another request it is 409. Keys are scoped to the caller, so two clients'
 * keys never collide. Only successful answers are stored (a refused command appended nothing).
 * Bodies may hold passwords, so the request is kept only as a keyed fingerprint (HMAC under a key
 * derived from JWT_SECRET: no offline guessing from a copy of the store); an answer carrying a
 * credential (a login's access token) is not stored at all, so such a request simply runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit {
  private readonly fingerprintKey: Buffer;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly reflector: Reflector,
  ) {
    this.fingerprintKey = deriveKey(config.jwtSecret, 'idempotency-requests');
  }

  /** The answers' collection is operational (never rebuilt), so it is created here, once. */
  async onModuleInit(): Promise<void> {
    await this.readStore.ensureCollection(IDEMPOTENCY_COLLECTION);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (!COMMAND_METHODS.has(request.method) || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw ProblemException.of(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      );
    }
    const caller = request.user ? `${request.user.kind}:${request.user.id}` : `anonymous:${request.ip}`;
    const id = sha256(`${caller}\u0000${key}`);
    const requestHash = createHmac('sha256', this.fingerprintKey)
      .update(`${request.method} ${request.url}\u0000${canonical(request.body)}`)
      .digest('hex');

    return from(this.readStore.get<StoredAnswer>(IDEMPOTENCY_COLLECTION, id)).pipe(
      switchMap((stored) => {
        if (stored) {
          if (stored.requestHash !== requestHash) {
            throw ProblemException.of(
              409,
              'idempotency_key_reused',
              'This Idempotency-Key was used with a different request.',
            );
          }
          for (const [name, value] of Object.entries(stored.headers)) void reply.header(name, value);
          // The status the first answer had (a route may choose it per outcome, e.g. 202 or 200).
          void reply.status(stored.status);
          void reply.header('idempotent-replayed', 'true');
          return of(stored.body);
        }
        const routeStatus =
          this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
          (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
        return next.handle().pipe(
          switchMap((body) => {
            // Nest set the route's status before the handler ran; the handler may have chosen another.
            const status = reply.statusCode >= 200 && reply.statusCode < 300 ? reply.statusCode : routeStatus;
            if (carriesCredential(body)) return of(body);
            return from(this.store(id, requestHash, status, reply, body)).pipe(switchMap(() => of(body)));
          }),
        );
      }),
    );
  }

  private async store(
    id: string,
    requestHash: string,
    status: number,
    reply: FastifyReply,
    body: unknown,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const answer: StoredAnswer = {
      id,
      requestHash,
      status,
      body: body ?? null,
      headers,
      createdAt: new Date().toISOString(),
    };
    await this.readStore.write(async (tx) => tx.put(IDEMPOTENCY_COLLECTION, answer));
  }
}
