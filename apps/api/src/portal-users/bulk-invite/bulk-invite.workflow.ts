import type { CommandContext } from '@portal/commands';
import type { CreatePortalUserBody } from '../portal-user.schemas';
import { bulkInvitationReason } from './bulk-invitation-reason';
import type { BulkInvitationResult } from './bulk-invite.command';

/** Progress is logged every this many contacts: a large batch is a long job. */
const PROGRESS_EVERY = 50;

export interface BulkInvitePorts {
  /** Creates and invites one portal user, exactly as POST /v1/portal-users would. */
  createPortalUser: (body: CreatePortalUserBody, ctx: CommandContext) => Promise<{ id: string }>;
  /** Ids only in these lines: errors may quote personal data. */
  log: (line: string) => void;
  logError: (line: string) => void;
}

/**
 * For each contact, in order: create its portal user in this portal and send the invitation; a
 * contact's failure is its result and never stops the others. Each contact's creation undoes its
 * own steps when it fails (createPortalUser), so a failed contact leaves nothing behind.
 */
export async function bulkInvite(
  ports: BulkInvitePorts,
  portalId: string,
  contactIds: readonly string[],
  ctx: CommandContext,
): Promise<BulkInvitationResult[]> {
  const results: BulkInvitationResult[] = [];
  for (const [i, contactId] of contactIds.entries()) {
    results.push(await inviteOne(ports, contactId, portalId, ctx));
    if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < contactIds.length) {
      ports.log(`portal ${portalId}: ${i + 1} of ${contactIds.length} contacts done`);
    }
  }
  const invited = results.filter((r) => r.status === 'invited').length;
  ports.log(`portal ${portalId}: ${invited} of ${contactIds.length} contacts invited`);
  return results;
}

async function inviteOne(
  ports: BulkInvitePorts,
  contactId: string,
  portalId: string,
  ctx: CommandContext,
): Promise<BulkInvitationResult> {
  try {
    await ports.createPortalUser({ contactId, portalIds: [portalId], sendInvitation: true }, ctx);
    return { contactId, status: 'invited' };
  } catch (error) {
    const reason = bulkInvitationReason(error);
    if (reason !== undefined) return { contactId, status: 'failed', reason };
    ports.logError(
      `portal ${portalId}, contact ${contactId}: ${error instanceof Error ? error.name : 'error'}`,
    );
    return { contactId, status: 'failed', reason: 'internal_error' };
  }
}
