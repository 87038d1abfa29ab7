import { and, type RecordFilter } from '@portal/acl';
import {
  READ_MODELS,
  ReadModelNames,
  followerCandidateFilter,
  type PortalDoc,
  type PortalRoleDoc,
  type PortalUserDoc,
  type RecordDoc,
  type RecordFollowersDoc,
} from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import type { CaseEmailTrigger } from '../case-email-request';
import type { CaseRecipient, CaseRecipients, CaseView } from '../case-recipients.port';
import type { CaseEmailKind, CaseEmailRequest } from '../email-request';
import type { MailPortal, MailRecipient } from '../mail-directory.port';
import { BatchedDocuments } from './batched-documents';
import { caseEmailAccess, roleIdsOf } from './case-email-access';
import { ReadModelsBehindError } from './read-models-behind.error';

type Doc<T> = T & Record<string, unknown>;
type Choices = Readonly<Record<string, boolean>>;

export interface ReadModelCaseRecipientsOptions {
  names?: ReadModelNames;
  /** How long one ask waits for the projector to reach the event before giving up (and retrying later). */
  checkpointTimeoutMs?: number;
}

const PAGE = 500;
const KINDS: readonly CaseEmailKind[] = ['case-status-changed', 'case-reply'];

/**
 * CaseRecipients over the projector's read models (records, record_followers, portal_users,
 * portals, portal_roles), judged by the ACL exactly as the API judges a portal request.
 * Candidates are the case's followers only: its creator and contact unless they unfollowed, and
 * whoever chose to follow it; a user whose role reads every case of the account hears nothing of
 * a case they do not follow.
 */
export class ReadModelCaseRecipients implements CaseRecipients {
  private readonly names: ReadModelNames;
  private readonly timeoutMs: number;
  /** The furthest each projector checkpoint was seen: checkpoints only move forward. */
  private readonly reached = new Map<string, number>();
  /** Look-ups by id of the checks running at once, one statement per collection. */
  private readonly docs: BatchedDocuments;

  constructor(
    private readonly store: ReadStore,
    options: ReadModelCaseRecipientsOptions = {},
  ) {
    this.docs = new BatchedDocuments(store);
    this.names = options.names ?? new ReadModelNames(store);
    this.timeoutMs = options.checkpointTimeoutMs ?? 10_000;
  }

  async forCaseEvent(trigger: CaseEmailTrigger): Promise<CaseRecipient[]> {
    await this.waitFor(trigger.position);
    const record = await this.record(trigger.caseId);
    if (!record) return [];
    const choices = await this.choices(record.id);
    const candidates = (await this.candidates(record, choices)).filter(
      // Whoever made the change knows it already.
      (user) => !(trigger.actor.type === 'portalUser' && trigger.actor.id === user.id),
    );
    const portals = await this.portals(candidates.flatMap((user) => user.portalIds));
    const roles = await this.roles(
      candidates.flatMap((user) =>
        user.portalIds.flatMap((id) => {
          const portal = portals.get(id);
          return portal ? roleIdsOf(portal, user) : [];
        }),
      ),
    );
    const recipients: CaseRecipient[] = [];
    for (const user of candidates) {
      const portalId = this.portalOrder(record, user).find((id) => {
        const portal = portals.get(id);
        return (
          portal !== undefined &&
          caseEmailAccess(trigger.kind, record, portal, user, roles, choices) !== undefined
        );
      });
      if (portalId) recipients.push({ portalUserId: user.id, portalId });
    }
    return recipients;
  }

  async viewFor(request: CaseEmailRequest): Promise<CaseView | undefined> {
    await this.waitFor(request.sourcePosition);
    const [record, user, portals, choices] = await Promise.all([
      this.record(request.caseId),
      this.portalUser(request.portalUserId),
      this.portals([request.portalId]),
      this.choices(request.caseId),
    ]);
    const portal = portals.get(request.portalId);
    if (!record || !user || !portal) return undefined;
    const roles = await this.roles(roleIdsOf(portal, user));
    const granted = KINDS.map((kind) => ({
      kind,
      access: caseEmailAccess(kind, record, portal, user, roles, choices),
    })).filter((k) => k.access !== undefined);
    if (granted.length === 0) return undefined;
    const name = record.fields.name;
    return {
      caseName:
        granted[0]!.access!.showName && typeof name === 'string' && name.length > 0 ? name : undefined,
      kinds: granted.map((k) => k.kind),
      recipient: mailRecipient(user),
      portal: mailPortal(portal),
    };
  }

  private async waitFor(position: number): Promise<void> {
    const checkpoint = await this.names.checkpoint();
    // Seen there before (a backlog's emails mostly are): no need to ask the store again.
    if ((this.reached.get(checkpoint) ?? -1) >= position) return;
    const now = await this.store.getCheckpoint(checkpoint);
    if (now !== undefined && now >= position) {
      this.reached.set(checkpoint, now);
      return;
    }
    if (!(await this.store.waitForCheckpoint(checkpoint, position, this.timeoutMs))) {
      throw new ReadModelsBehindError(
        `read models (${checkpoint}) have not reached position ${position} within ${this.timeoutMs} ms`,
      );
    }
    this.reached.set(checkpoint, position);
  }

  /** The portal the case was raised in first, then the user's portals in the order they joined. */
  private portalOrder(record: RecordDoc, user: PortalUserDoc): string[] {
    const first = record.createdInPortalId;
    return first && user.portalIds.includes(first)
      ? [first, ...user.portalIds.filter((id) => id !== first)]
      : user.portalIds;
  }

  private async record(caseId: string): Promise<Doc<RecordDoc> | null> {
    const doc = await this.docs.get<Doc<RecordDoc>>(await this.names.collection(READ_MODELS.records), caseId);
    return doc && doc.entityType === 'Case' ? doc : null;
  }

  private async choices(caseId: string): Promise<Choices> {
    const doc = await this.docs.get<Doc<RecordFollowersDoc>>(
      await this.names.collection(READ_MODELS.recordFollowers),
      caseId,
    );
    return doc?.choices ?? {};
  }

  private async portalUser(id: string): Promise<Doc<PortalUserDoc> | null> {
    return this.docs.get<Doc<PortalUserDoc>>(await this.names.collection(READ_MODELS.portalUsers), id);
  }

  private async candidates(record: RecordDoc, choices: Choices): Promise<Doc<PortalUserDoc>[]> {
    const followers = followerCandidateFilter(record, choices);
    if (!followers) return [];
    const collection = await this.names.collection(READ_MODELS.portalUsers);
    const filter: RecordFilter = and({ kind: 'eq', path: 'status', value: 'active' }, followers);
    const users: Doc<PortalUserDoc>[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.store.find<Doc<PortalUserDoc>>(collection, {
        filter,
        sort: [{ path: 'id', direction: 'asc' }],
        offset,
        limit: PAGE,
      });
      users.push(...page.items);
      if (page.items.length < PAGE) return users;
    }
  }

  private async portals(ids: string[]): Promise<Map<string, PortalDoc>> {
    return this.docs.many<Doc<PortalDoc>>(await this.names.collection(READ_MODELS.portals), ids);
  }

  private async roles(ids: string[]): Promise<Map<string, PortalRoleDoc>> {
    return this.docs.many<Doc<PortalRoleDoc>>(await this.names.collection(READ_MODELS.portalRoles), ids);
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The recipient as the read model has them once it reached the event: address, names, language. */
function mailRecipient(user: PortalUserDoc): MailRecipient {
  return {
    id: user.id,
    email: user.email,
    firstName: text(user.firstName),
    lastName: text(user.lastName),
    language: text(user.preferences?.language),
    portalIds: [...user.portalIds],
  };
}

function mailPortal(portal: PortalDoc): MailPortal {
  return {
    id: portal.id,
    name: portal.name,
    slug: portal.slug,
    language: portal.settings.language,
    timeZone: portal.settings.timeZone,
    branding: { primaryColor: text(portal.branding.primaryColor), logoUrl: text(portal.branding.logoUrl) },
  };
}
