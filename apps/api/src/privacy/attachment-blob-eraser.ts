import { Injectable } from '@nestjs/common';

/**
 * HOOK for attachments (issue 18): deletes the blobs of files a data subject uploaded. This service
 * stores no files yet, so there is nothing to delete; when the blob store lands, this class calls
 * its delete for every attachment the subject's portal users uploaded.
 */
@Injectable()
export class AttachmentBlobEraser {
  async eraseUploadsOf(_portalUserIds: string[]): Promise<number> {
    return 0;
  }
}
