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
import { PendingEmailsOfSubject } from './pending-emails-of-subject';

/** Data-subject rights (shared/API.md "Privacy"): erasure by crypto-shredding, access and portability. */
@Module({
  imports: [PortalUsersModule, SelfServiceModule],
  controllers: [EraseDataSubjectHttp, ExportDataSubjectHttp, ExportOwnDataHttp],
  providers: [
    EraseDataSubjectHandler,
    ExportDataSubjectHandler,
    DataExportReader,
    DataKeys,
    DataSubjects,
    PendingEmailsOfSubject,
    AttachmentBlobEraser,
  ],
})
export class PrivacyModule {}
