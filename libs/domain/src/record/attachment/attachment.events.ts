import type { DomainEvent } from '../../shared/decider';

/**
 * A file was attached to the record (the uploader is the event's actor). Bytes live in the blob
 * store under `sha256`; the event holds what history and the ACL need, never the bytes.
 * `portalUserId` is set when a portal user uploaded it (they may remove their own files).
 */
export type AttachmentAdded = DomainEvent<
  'AttachmentAdded',
  {
    entityType: string;
    attachmentId: string;
    name: string;
    size: number;
    contentType: string;
    sha256: string;
    isInternal: boolean;
    portalUserId: string | null;
  }
>;

/** The file is no longer attached: lists and downloads stop showing it; history keeps its metadata. */
export type AttachmentRemoved = DomainEvent<
  'AttachmentRemoved',
  { entityType: string; attachmentId: string }
>;

/**
 * A comment was posted with files already attached to the record (it follows its CommentPosted).
 * Files of an internal comment are as internal as the comment.
 */
export type CommentAttachmentsLinked = DomainEvent<
  'CommentAttachmentsLinked',
  { entityType: string; commentId: string; attachmentIds: string[] }
>;

export type AttachmentEvent = AttachmentAdded | AttachmentRemoved | CommentAttachmentsLinked;
