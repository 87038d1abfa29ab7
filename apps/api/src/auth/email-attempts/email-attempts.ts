import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { StreamCommands, type CommandContext } from '@portal/commands';
import {
  SYSTEM_ACTOR,
  decidePasswordResetNotIssued,
  decideUnknownEmailLogin,
  emailAttemptStream,
  evolveEmailAttempt,
  initialEmailAttemptState,
  normaliseUniqueValue,
  type EmailAttemptEvent,
  type LoginRealm,
} from '@portal/domain';
import { deriveKey, type ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { actingAs } from '../client/acting-context';

/**
 * Records the anonymous attempts that reach no account (see email-attempt.events.ts for why they
 * are recorded at all): one append, on the email digest's own stream, at 'any' on a state nobody
 * reads - the same write a failed login makes on a real user's stream. The digest is an HMAC under
 * a key derived from JWT_SECRET, so the event holds neither the address nor a secret, and nobody
 * without the secret can test an address against it.
 */
@Injectable()
export class EmailAttempts {
  private readonly key: Buffer;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly commands: StreamCommands,
  ) {
    this.key = deriveKey(config.jwtSecret, 'email-attempt-digest');
  }

  digestOf(email: string): string {
    return createHmac('sha256', this.key).update(normaliseUniqueValue(email)).digest('hex');
  }

  async loginFailed(
    email: string,
    realm: LoginRealm,
    portalId: string | null,
    ctx: CommandContext,
  ): Promise<void> {
    const emailDigest = this.digestOf(email);
    await this.record(emailDigest, ctx, () =>
      decideUnknownEmailLogin({
        type: 'RecordUnknownEmailLogin',
        realm,
        portalId,
        emailDigest,
        now: ctx.now,
      }),
    );
  }

  async resetNotIssued(email: string, portalId: string, ctx: CommandContext): Promise<void> {
    const emailDigest = this.digestOf(email);
    await this.record(emailDigest, ctx, () =>
      decidePasswordResetNotIssued({
        type: 'RecordPasswordResetNotIssued',
        portalId,
        emailDigest,
        now: ctx.now,
      }),
    );
  }

  private async record(
    emailDigest: string,
    request: CommandContext,
    decide: () => EmailAttemptEvent[],
  ): Promise<void> {
    const acting = actingAs(request, SYSTEM_ACTOR);
    await this.commands.handle(
      {
        stream: emailAttemptStream(emailDigest),
        evolve: evolveEmailAttempt,
        initialState: initialEmailAttemptState,
        given: { state: initialEmailAttemptState },
        expected: 'any',
        decide,
      },
      acting.ctx,
    );
    acting.report();
  }
}
