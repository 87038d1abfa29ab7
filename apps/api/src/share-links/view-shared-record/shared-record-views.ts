import { Injectable } from '@nestjs/common';
import { and, portalUserSharedView, staffSharedView, type SharedView } from '@portal/acl';
import { hasRequiredConsent, mayUsePortal, type ShareLinkState } from '@portal/domain';
import type { CommentDoc, RecordDoc } from '@portal/read-models';
import { PortalAccessResolver, type PortalAccess } from '../../auth/portal-access';
import { PortalUserStates } from '../../auth/state/portal-user-states';
import { StaffUserStates } from '../../auth/state/staff-user-states';
import { ProblemException } from '../../http/problem';
import { RecordDocuments } from '../../records/record-documents';
import { portalCommentView } from '../../self-service/portal-comment-view';
import { portalPublicView } from '../../self-service/get-portal-public/portal-public-view';
import type { SharedRecord } from '../share-link.schemas';
import { requiredConsentVersion } from '../../privacy/consent/consent-terms';

const MAX_COMMENTS = 500;
/** Staff roles that may read records (and so make links): an auditor reads the audit log only. */
const RECORD_READERS = new Set(['admin', 'agent']);

/**
 * What a live link shows, computed at the moment of viewing from its creator's access as it is
 * now: null (the link is dead) when the record is gone, internal or out of the creator's reach,
 * or the creator may no longer use the service (deactivated, removed from the portal, outside
 * their support period, an auditor now). The libs/acl rules decide fields and comments.
 */
@Injectable()
export class SharedRecordViews {
  constructor(
    private readonly records: RecordDocuments,
    private readonly staffUsers: StaffUserStates,
    private readonly portalUsers: PortalUserStates,
    private readonly resolver: PortalAccessResolver,
  ) {}

  async view(link: ShareLinkState, now: Date): Promise<SharedRecord | null> {
    const { createdBy, entityType, recordId, expiresAt } = link;
    if (createdBy === null || entityType === null || recordId === null || expiresAt === null) return null;
    const record = await this.records.get(entityType, recordId);
    if (record === null) return null;
    const comments = link.includeComments ? await this.publicComments(record) : [];

    let shown: SharedView<CommentDoc> | null;
    let sharedFrom: SharedRecord['sharedFrom'] = null;
    if (createdBy.type === 'staff') {
      const staff = await this.staffUsers.current(createdBy.id);
      const mayRead = staff.exists && staff.isActive && staff.role !== null && RECORD_READERS.has(staff.role);
      shown = mayRead ? staffSharedView(record, comments, link.includeComments) : null;
    } else {
      const access = await this.creatorAccess(createdBy.id, createdBy.portalId, now);
      shown =
        access &&
        portalUserSharedView(access.ctx, access.perms, access.user, record, comments, link.includeComments);
      if (access) {
        const { name, language, branding } = portalPublicView(access.portal);
        const { timeZone, dateFormat } = access.portal.settings;
        sharedFrom = { name, language, timeZone, dateFormat, branding };
      }
    }
    if (shown === null) return null;
    return {
      record: {
        ...shown.fields,
        id: record.id,
        entityType: record.entityType,
        createdAt: record.createdAt,
        modifiedAt: record.modifiedAt,
      },
      comments: shown.comments.map(portalCommentView),
      // Files are not part of this service yet: a link records the wish, and shows none.
      attachments: [],
      includeComments: link.includeComments,
      includeAttachments: link.includeAttachments,
      expiresAt,
      sharedFrom,
    };
  }

  /** The creator's access now, or null when they may not use the portal at all any more. */
  private async creatorAccess(
    portalUserId: string,
    portalId: string,
    now: Date,
  ): Promise<PortalAccess | null> {
    const { state } = await this.portalUsers.current(portalUserId);
    if (!mayUsePortal(state, portalId, now.toISOString())) return null;
    const access = await this.resolver.resolve(portalUserId, portalId).catch((error: unknown) => {
      // The portal or the user is gone from the read models: no access. Anything else is a fault.
      if (error instanceof ProblemException && error.problem.status === 404) return null;
      throw error;
    });
    if (!access?.portal.isActive) return null;
    // A creator without the consent the portal requires now may not read through the portal either.
    return hasRequiredConsent(state, portalId, requiredConsentVersion(access.portal)) ? access : null;
  }

  private async publicComments(record: RecordDoc): Promise<CommentDoc[]> {
    const { items } = await this.records.comments({
      filter: and(
        { kind: 'eq', path: 'recordId', value: record.id },
        { kind: 'eq', path: 'entityType', value: record.entityType },
        { kind: 'eq', path: 'isInternal', value: false },
      ),
      sort: [{ path: 'createdAt', direction: 'asc' }],
      limit: MAX_COMMENTS,
    });
    return items;
  }
}
