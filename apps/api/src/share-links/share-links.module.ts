import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { RecordsModule } from '../records/records.module';
import { PortalCaller } from '../self-service/portal-caller';
import {
  CreatePortalShareLinkHttp,
  CreateStaffShareLinkHttp,
} from './create-share-link/create-share-link.http';
import { DownloadSharedAttachmentHttp } from './download-shared-attachment/download-shared-attachment.http';
import { CreateShareLinkHandler } from './create-share-link/create-share-link.handler';
import { ListShareLinksHandler } from './list-share-links/list-share-links.handler';
import { ListPortalShareLinksHttp, ListStaffShareLinksHttp } from './list-share-links/list-share-links.http';
import { RevokeShareLinkHandler } from './revoke-share-link/revoke-share-link.handler';
import {
  RevokePortalShareLinkHttp,
  RevokeStaffShareLinkHttp,
} from './revoke-share-link/revoke-share-link.http';
import { LiveShareLinks } from './live-share-links';
import { ShareLinkDocuments } from './share-link-documents';
import { SharingAccess } from './sharing-access';
import { SharedRecordViews } from './view-shared-record/shared-record-views';
import { ViewSharedRecordHandler } from './view-shared-record/view-shared-record.handler';
import { ViewSharedRecordHttp } from './view-shared-record/view-shared-record.http';

/** Share links: one record shown to someone without an account, expiring, revocable, audited. */
@Module({
  imports: [RecordsModule, AttachmentsModule],
  controllers: [
    CreateStaffShareLinkHttp,
    CreatePortalShareLinkHttp,
    ListStaffShareLinksHttp,
    ListPortalShareLinksHttp,
    RevokeStaffShareLinkHttp,
    RevokePortalShareLinkHttp,
    ViewSharedRecordHttp,
    DownloadSharedAttachmentHttp,
  ],
  providers: [
    PortalCaller,
    SharingAccess,
    ShareLinkDocuments,
    LiveShareLinks,
    SharedRecordViews,
    CreateShareLinkHandler,
    ListShareLinksHandler,
    RevokeShareLinkHandler,
    ViewSharedRecordHandler,
  ],
})
export class ShareLinksModule implements OnModuleInit {
  constructor(private readonly links: ShareLinkDocuments) {}

  /** The operational view counters (the projector creates share_links itself). */
  async onModuleInit(): Promise<void> {
    await this.links.ensureCollections();
  }
}
