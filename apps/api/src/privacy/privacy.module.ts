import { Module } from '@nestjs/common';
import { PortalUsersModule } from '../portal-users/portal-users.module';
import { AttachmentBlobEraser } from './blob-erasure/attachment-blob-eraser';
import { DataKeys } from './data-keys';
import { DataSubjects } from './data-subjects';
import { EraseDataSubjectHandler } from './erase-data-subject/erase-data-subject.handler';
import { EraseDataSubjectHttp } from './erase-data-subject/erase-data-subject.http';
import { PendingEmailsOfSubject } from './pending-emails-of-subject';

/** Data-subject rights (shared/API.md "Privacy"): erasure by crypto-shredding. */
@Module({
  imports: [PortalUsersModule],
  controllers: [EraseDataSubjectHttp],
  providers: [EraseDataSubjectHandler, DataKeys, DataSubjects, PendingEmailsOfSubject, AttachmentBlobEraser],
})
export class PrivacyModule {}
