import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { ListPortalCommentsHandler } from './comments/list-portal-comments/list-portal-comments.handler';
import { ListPortalCommentsHttp } from './comments/list-portal-comments/list-portal-comments.http';
import { PostPortalCommentHandler } from './comments/post-portal-comment/post-portal-comment.handler';
import { PostPortalCommentHttp } from './comments/post-portal-comment/post-portal-comment.http';
import { FollowRecordHandler } from './followers/follow-record/follow-record.handler';
import { FollowRecordHttp } from './followers/follow-record/follow-record.http';
import { GetFollowingHandler } from './followers/get-following/get-following.handler';
import { GetFollowingHttp } from './followers/get-following/get-following.http';
import { GetDashboardHandler } from './dashboard/get-dashboard.handler';
import { GetDashboardHttp } from './dashboard/get-dashboard.http';
import { GetPortalPublicHandler } from './get-portal-public/get-portal-public.handler';
import { GetPortalPublicHttp } from './get-portal-public/get-portal-public.http';
import { GetMeHttp } from './me/get-me/get-me.http';
import { RequestOwnEmailChangeHttp } from './me/request-own-email-change/request-own-email-change.http';
import { UpdateMeHandler } from './me/update-me/update-me.handler';
import { UpdateMeHttp } from './me/update-me/update-me.http';
import { PortalCaller } from './portal-caller';
import { PortalRecordReads } from './records/portal-record-reads';
import { CreatePortalRecordHandler } from './records/create-portal-record/create-portal-record.handler';
import { CreatePortalRecordHttp } from './records/create-portal-record/create-portal-record.http';
import { DeletePortalRecordHandler } from './records/delete-portal-record/delete-portal-record.handler';
import { DeletePortalRecordHttp } from './records/delete-portal-record/delete-portal-record.http';
import { GetPortalRecordHandler } from './records/get-portal-record/get-portal-record.handler';
import { GetPortalRecordHttp } from './records/get-portal-record/get-portal-record.http';
import { ListPortalRecordsHandler } from './records/list-portal-records/list-portal-records.handler';
import { ListPortalRecordsHttp } from './records/list-portal-records/list-portal-records.http';
import { UpdatePortalRecordHandler } from './records/update-portal-record/update-portal-record.handler';
import { UpdatePortalRecordHttp } from './records/update-portal-record/update-portal-record.http';

/** What a portal user calls in their portal (/v1/portals/:slug/…, besides /auth), and its public face. */
@Module({
  imports: [RecordsModule],
  controllers: [
    GetPortalPublicHttp,
    GetMeHttp,
    UpdateMeHttp,
    RequestOwnEmailChangeHttp,
    ListPortalRecordsHttp,
    GetPortalRecordHttp,
    CreatePortalRecordHttp,
    UpdatePortalRecordHttp,
    DeletePortalRecordHttp,
    ListPortalCommentsHttp,
    PostPortalCommentHttp,
    GetDashboardHttp,
    GetFollowingHttp,
    FollowRecordHttp,
  ],
  providers: [
    PortalCaller,
    GetPortalPublicHandler,
    UpdateMeHandler,
    ListPortalRecordsHandler,
    PortalRecordReads,
    GetPortalRecordHandler,
    CreatePortalRecordHandler,
    UpdatePortalRecordHandler,
    DeletePortalRecordHandler,
    ListPortalCommentsHandler,
    PostPortalCommentHandler,
    GetDashboardHandler,
    GetFollowingHandler,
    FollowRecordHandler,
  ],
  exports: [PortalCaller],
})
export class SelfServiceModule {}
