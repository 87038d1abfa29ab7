import { Inject, Injectable } from '@nestjs/common';
import { OPERATIONAL } from '@portal/read-models';

const MAILER_PENDING_EMAILS = OPERATIONAL.mailerPendingEmails;
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../infrastructure/tokens';

/**
 * Drops the mailer's pending jobs for these portal users, so the sweeper never sends them again.
 * A job already in the queue finds its recipient erased and fails for good (the mailer's worker).
 */
@Injectable()
export class PendingEmailsOfSubject {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async drop(portalUserIds: string[]): Promise<number> {
    if (portalUserIds.length === 0) return 0;
    if (!(await this.readStore.listCollections()).includes(MAILER_PENDING_EMAILS)) return 0;
    let dropped = 0;
    await this.readStore.write(async (tx) => {
      dropped = await tx.deleteMany(MAILER_PENDING_EMAILS, {
        kind: 'in',
        path: 'request.portalUserId',
        values: portalUserIds,
      });
    });
    return dropped;
  }
}
