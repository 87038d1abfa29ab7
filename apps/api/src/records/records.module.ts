import { Module } from '@nestjs/common';
import { CreateRecordHandler } from './create-record/create-record.handler';
import { CreateRecordHttp } from './create-record/create-record.http';
import { DeleteRecordHandler } from './delete-record/delete-record.handler';
import { DeleteRecordHttp } from './delete-record/delete-record.http';
import { EntityTypeDefinitions } from './entity-type-definitions';
import { GetRecordHandler } from './get-record/get-record.handler';
import { GetRecordHttp } from './get-record/get-record.http';
import { ListFollowersHandler } from './list-followers/list-followers.handler';
import { ListFollowersHttp } from './list-followers/list-followers.http';
import { ListCommentsHandler } from './list-comments/list-comments.handler';
import { ListCommentsHttp } from './list-comments/list-comments.http';
import { ListRecordsHandler } from './list-records/list-records.handler';
import { ListRecordsHttp } from './list-records/list-records.http';
import { PostCommentHandler } from './post-comment/post-comment.handler';
import { PostCommentHttp } from './post-comment/post-comment.http';
import { RecordDocuments } from './record-documents';
import { RecordFollowerDocuments } from './record-follower-documents';
import { RecordHistoryHandler } from './record-history/record-history.handler';
import { RecordHistoryHttp } from './record-history/record-history.http';
import { ShareLinkHistory } from './record-history/share-link-history';
import { RecordStreamWriter } from './record-stream-writer';
import { UpdateRecordHandler } from './update-record/update-record.handler';
import { UpdateRecordHttp } from './update-record/update-record.http';

/** Staff record endpoints (/v1/records/…); exports what the portal users' endpoints share. */
@Module({
  controllers: [
    CreateRecordHttp,
    ListRecordsHttp,
    GetRecordHttp,
    UpdateRecordHttp,
    DeleteRecordHttp,
    ListCommentsHttp,
    PostCommentHttp,
    RecordHistoryHttp,
    ListFollowersHttp,
  ],
  providers: [
    EntityTypeDefinitions,
    RecordDocuments,
    RecordStreamWriter,
    CreateRecordHandler,
    ListRecordsHandler,
    GetRecordHandler,
    UpdateRecordHandler,
    DeleteRecordHandler,
    ListCommentsHandler,
    PostCommentHandler,
    RecordHistoryHandler,
    ShareLinkHistory,
    RecordFollowerDocuments,
    ListFollowersHandler,
  ],
  exports: [EntityTypeDefinitions, RecordDocuments, RecordStreamWriter, RecordFollowerDocuments],
})
export class RecordsModule {}
