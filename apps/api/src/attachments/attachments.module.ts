import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { SelfServiceModule } from '../self-service/self-service.module';
import { AttachmentDocuments } from './attachment-documents';
import { AttachmentUploads } from './attachment-uploads';
import { PortalAttachmentsHttp } from './portal-attachments.http';
import { StaffAttachmentsHttp } from './staff-attachments.http';

/** Files on records: upload, list, download and removal, for staff and portal users. */
@Module({
  imports: [RecordsModule, SelfServiceModule],
  controllers: [StaffAttachmentsHttp, PortalAttachmentsHttp],
  providers: [AttachmentDocuments, AttachmentUploads],
  exports: [AttachmentDocuments],
})
export class AttachmentsModule {}
