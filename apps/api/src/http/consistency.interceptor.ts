import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { from, map, Observable, switchMap } from 'rxjs';
import type { EventStore } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { ReadModelNames } from '@portal/read-models';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { PortalSessionStore } from '../auth/sessions/portal-session-store';
import { ApiMetrics } from '../metrics/api-metrics';
import { ProblemException } from './problem';
import type { PortalRequest } from './request-context';

export const CONSISTENCY_HEADER = 'x-consistency-token';
const MAX_WAIT_MS = 5_000;
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BLIND_METADATA = 'portal:blindConsistencyToken';
/** The token of a command whose caller has nothing to read back: wait for nothing. */
const NOTHING_TO_WAIT_FOR = -1;

/**
 * On an anonymous command that answers the same whether or not it appended anything (forgot-
 * password): its X-Consistency-Token is always -1, since a position (or the head) would tell
 * whether the email it was given belongs to someone.
 */
export const BlindConsistencyToken = () => SetMetadata(BLIND_METADATA, true);

/**
 * Read-your-writes across the CQRS gap. Commands answer X-Consistency-Token (the global position
 * their events reached, or the store's head when they appended nothing); a GET carrying it waits
 * until the read models include that position, up to 5 s, then 503. A token beyond the store's head
 * cannot come from this server: 400 at once, rather than holding the request for nothing.
 */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  private knownHead = -1;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
    private readonly reflector: Reflector,
    private readonly metrics: ApiMetrics,
    private readonly sessions: PortalSessionStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (COMMAND_METHODS.has(request.method)) {
      const blind = this.reflector.get<boolean>(BLIND_METADATA, context.getHandler()) === true;
      return next.handle().pipe(
        switchMap((body) => {
          const answer = (token: number) => {
            void reply.header(CONSISTENCY_HEADER, String(token));
            return body;
          };
          if (blind) return [answer(NOTHING_TO_WAIT_FOR)];
          // A command that appended knows its token: answered at once, with no promise in between.
          const position = request.commandContext?.position;
          if (position !== undefined) return [answer(this.noteKnown(position))];
          return from(this.eventStore.headPosition()).pipe(map((head) => answer(this.noteKnown(head))));
        }),
      );
    }
    const header = request.headers[CONSISTENCY_HEADER];
    if (request.method !== 'GET' || header === undefined) return next.handle();
    const position = typeof header === 'string' && /^-?\d{1,16}$/.test(header) ? Number(header) : NaN;
    if (!Number.isSafeInteger(position)) {
      throw ProblemException.of(
        400,
        'invalid_consistency_token',
        'X-Consistency-Token must be a token returned by a command.',
      );
    }
    return from(this.waitFor(position, request)).pipe(
      switchMap(({ reached, waited }) => {
        if (!reached) {
          void reply.header('retry-after', '1');
          throw ProblemException.of(
            503,
            'read_model_behind',
            'The read models have not caught up with that write yet; retry shortly.',
          );
        }
        return from(waited ? this.readModelsAfterWait(request) : Promise.resolve()).pipe(
          switchMap(() => next.handle()),
        );
      }),
    );
  }

  private async waitFor(
    position: number,
    request: PortalRequest,
  ): Promise<{ reached: boolean; waited: boolean }> {
    const checkpoint = await this.names.checkpoint();
    const seen = guardCheckpoint(request, checkpoint);
    if (seen !== undefined && seen >= position) {
      this.metrics.observeReadYourWrites(0, true);
      return { reached: true, waited: false };
    }
    // The head only grows: a token at or below one seen before needs no look at the store.
    if (position > this.knownHead)
      this.knownHead = Math.max(this.knownHead, await this.eventStore.headPosition());
    if (position > this.knownHead) {
      throw ProblemException.of(
        400,
        'invalid_consistency_token',
        'X-Consistency-Token is beyond anything this server has written.',
      );
    }
    const started = performance.now();
    // Where the guard's statement found the checkpoint just now: no read of it again to start from.
    const reached = await this.readStore.waitForCheckpoint(checkpoint, position, MAX_WAIT_MS, seen);
    this.metrics.observeReadYourWrites((performance.now() - started) / 1000, reached);
    return { reached, waited: true };
  }

  /**
   * The guard ran before this wait and noted where the read models stood then; what is cached at
   * that point may predate the very write this token names. So a portal user's request notes where
   * they stand now, past the write (the session statement again: checkpoint and change marks in
   * one read), and its access context is answered at that point, from the cache where the marks
   * say nothing changed, exactly as for a new request. Without a note it is read afresh.
   */
  private async readModelsAfterWait(request: PortalRequest): Promise<void> {
    const user = request.user;
    if (user?.kind !== 'portalUser') return;
    const { readModelsAt } = await this.sessions.getWithReadModels(user.sessionId);
    request.user = { ...user, readModelsAt };
  }

  /**
   * A command's token: the position it appended, or the head when it appended nothing. A position
   * this process appended or read as the head is at or below the head for good: a read carrying it
   * (here the usual case) then needs no head read to be told apart from a forgery.
   */
  private noteKnown(token: number): number {
    this.knownHead = Math.max(this.knownHead, token);
    return token;
  }
}

/**
 * Where the portal guard found the active generation's checkpoint (undefined: no portal user, or
 * no checkpoint of the active generation). The guard read the session in the same statement as
 * that checkpoint (and change marks), and built what it cached from the read models at that point
 * or later. When that checkpoint already includes the token's position, everything this request
 * reads is at least as new as the write it names, exactly as after a wait, so there is nothing to
 * wait for and the cached access context stays valid. The checkpoint is never past the store's
 * head, so the token is no forgery either. Below the position, the wait starts from it. The
 * projection name must be the active one: after a generation switch the guard's checkpoint says
 * nothing about the new generation.
 */
function guardCheckpoint(request: PortalRequest, activeCheckpoint: string): number | undefined {
  const at = request.user?.kind === 'portalUser' ? request.user.readModelsAt : undefined;
  return at !== undefined && at.projection === activeCheckpoint ? at.checkpoint : undefined;
}
