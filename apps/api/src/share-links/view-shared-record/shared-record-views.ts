import { Injectable } from '@nestjs/common';
import { and, portalUserSharedView, staffSharedView, type SharedView } from '@portal/acl';
import { hasRequiredConsent, mayUsePortal, type ShareLinkState } from '@portal/domain';
import type { AttachmentDoc, CommentDoc, RecordDoc } from '@portal/read-models';
import { AttachmentDocuments } from '../../attachments/attachment-documents';
import { PortalAccessResolver, type PortalAccess } from '../../auth/portal-access';
import { worksOnRecords } from '../../auth/record-staff-roles';
import { PortalUserStates } from '../../auth/state/portal-user-states';
import { StaffUserStates } from '../../auth/state/staff-user-states';
import { ProblemException } from '../../http/problem';
import { RecordDocuments } from '../../records/record-documents';
import { portalCommentView } from '../../self-service/portal-comment-view';
import { portalPublicView } from '../../self-service/get-portal-public/portal-public-view';
import { requiredConsentVersion } from '../../privacy/consent/consent-terms';
import type { SharedRecord } from '../share-link.schemas';

const MAX_COMMENTS = 500;

/** What a live link shows now, before it is shaped for the answer. */
interface Shown {
  record: RecordDoc;
  view: SharedView<CommentDoc, AttachmentDoc>;
  sharedFrom: SharedRecord['sharedFrom'];
}

/** What to read beside the record: its public comments or not, and which of its files to judge. */
interface Load {
  comments: boolean;
  files: (entityType: string, recordId: string) => Promise<AttachmentDoc[]>;
}

/**
 * What a live link shows, computed at the moment of viewing from its creator's access as it is
 * now: null (the link is dead) when the record is gone, internal or out of the creator's reach,
 * or the creator may no longer use the service (deactivated, removed from the portal, outside
 * their support period, an auditor now). The libs/acl rules decide fields, comments and files.
 */
@Injectable()
export class SharedRecordViews {
  constructor(
    private readonly records: RecordDocuments,
    private readonly attachments: AttachmentDocuments,
    private readonly staffUsers: StaffUserStates,
    private readonly portalUsers: PortalUserStates,
    private readonly resolver: PortalAccessResolver,
  ) {}

  async view(link: ShareLinkState, now: Date): Promise<SharedRecord | null> {
    const shown = await this.shown(link, now, {
      comments: true,
      files: (entityType, recordId) => this.attachments.ofRecord(entityType, recordId),
    });
    if (shown === null || link.expiresAt === null) return null;
    const { record, view, sharedFrom } = shown;
    return {
      record: {
        ...view.fields,
        id: record.id,
        entityType: record.entityType,
        createdAt: record.createdAt,
        modifiedAt: record.modifiedAt,
      },
      comments: view.comments.map(portalCommentView),
      attachments: view.attachments.map(({ id, name, size, contentType }) => ({
        id,
        name,
        size,
        contentType,
      })),
      includeComments: link.includeComments,
      includeAttachments: link.includeAttachments,
      expiresAt: link.expiresAt,
      sharedFrom,
    };
  }

  /** One file the link shows now (the same judgement as the view's list), or null. */
  async attachment(link: ShareLinkState, now: Date, attachmentId: string): Promise<AttachmentDoc | null> {
    if (!link.includeAttachments) return null;
    const shown = await this.shown(link, now, {
      comments: false,
      files: async (entityType, recordId) => {
        const file = await this.attachments.get(entityType, recordId, attachmentId);
        return file ? [file] : [];
      },
    });
    return shown?.view.attachments[0] ?? null;
  }

  private async shown(link: ShareLinkState, now: Date, load: Load): Promise<Shown | null> {
    const { createdBy, entityType, recordId } = link;
    if (createdBy === null || entityType === null || recordId === null) return null;
    const record = await this.records.get(entityType, recordId);
    if (record === null) return null;
    const content = {
      comments: load.comments && link.includeComments ? await this.publicComments(record) : [],
      includeComments: link.includeComments,
      attachments: link.includeAttachments ? await load.files(entityType, recordId) : [],
      includeAttachments: link.includeAttachments,
    };

    if (createdBy.type === 'staff') {
      const staff = await this.staffUsers.current(createdBy.id);
      const mayRead = staff.exists && staff.isActive && worksOnRecords(staff.role);
      const view = mayRead ? staffSharedView(record, content) : null;
      return view && { record, view, sharedFrom: null };
    }
    const access = await this.creatorAccess(createdBy.id, createdBy.portalId, now);
    const view = access && portalUserSharedView(access.ctx, access.perms, access.user, record, content);
    if (!access || !view) return null;
    const { name, language, branding } = portalPublicView(access.portal);
    const { timeZone, dateFormat } = access.portal.settings;
    return { record, view, sharedFrom: { name, language, timeZone, dateFormat, branding } };
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
