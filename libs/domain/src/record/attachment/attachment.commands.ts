import type { PortalUserAccess } from '../record.commands';

/** What the upload established about the file: name normalised, type sniffed, hash and size counted. */
export interface AttachedFile {
  attachmentId: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
}

export interface AddAttachment {
  type: 'AddAttachment';
  entityType: string;
  file: AttachedFile;
  isInternal?: boolean;
}

export interface RemoveAttachment {
  type: 'RemoveAttachment';
  entityType: string;
  attachmentId: string;
}

export interface AddAttachmentAsPortalUser {
  type: 'AddAttachmentAsPortalUser';
  entityType: string;
  file: AttachedFile;
}

export interface RemoveAttachmentAsPortalUser {
  type: 'RemoveAttachmentAsPortalUser';
  entityType: string;
  attachmentId: string;
}

export type { PortalUserAccess };
