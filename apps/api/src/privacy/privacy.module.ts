import { Module } from '@nestjs/common';
import { PortalUsersModule } from '../portal-users/portal-users.module';
import { SelfServiceModule } from '../self-service/self-service.module';
import { AttachmentBlobEraser } from './blob-erasure/attachment-blob-eraser';
import { DataKeys } from './data-keys';
import { DataSubjects } from './data-subjects';
import { EraseDataSubjectHandler } from './erase-data-subject/erase-data-subject.handler';
import { EraseDataSubjectHttp } from './erase-data-subject/erase-data-subject.http';
import { DataExportReader } from './export-data-subject/data-export-reader';
import { ExportDataSubjectHandler } from './export-data-subject/export-data-subject.handler';
import { ExportDataSubjectHttp } from './export-data-subject/export-data-subject.http';
import { ExportOwnDataHttp } from './export-own-data/export-own-data.http';
import { DecideErasureRequestHandler } from './erasure-requests/decide-erasure-request.handler';
import { ErasureRequestLog } from './erasure-requests/erasure-request-log';
import { ErasureRequestsHttp } from './erasure-requests/erasure-requests.http';
import { OwnErasureRequestHttp } from './erasure-requests/own-erasure-request.http';
import { RequestErasureHandler } from './erasure-requests/request-erasure.handler';
import { PendingEmailsOfSubject } from './pending-emails-of-subject';

/** Data-subject rights (shared/API.md "Privacy"): erasure by crypto-shredding, erasure requests, access and portability. */
@Module({
  imports: [PortalUsersModule, SelfServiceModule],
  controllers: [
    EraseDataSubjectHttp,
    ExportDataSubjectHttp,
    ExportOwnDataHttp,
    ErasureRequestsHttp,
    OwnErasureRequestHttp,
  ],
  providers: [
    EraseDataSubjectHandler,
    ExportDataSubjectHandler,
    RequestErasureHandler,
    DecideErasureRequestHandler,
    ErasureRequestLog,
    DataExportReader,
    DataKeys,
    DataSubjects,
    PendingEmailsOfSubject,
    AttachmentBlobEraser,
  ],
})
export class PrivacyModule {}
