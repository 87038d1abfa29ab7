import type { AttachedFile } from '@portal/domain';

/**
 * A stand-in for the file of an upload not read yet: deciding on it first answers 404/403/409/422
 * before a byte of the body is stored. Never appended (the check's events are thrown away).
 */
export const PLACEHOLDER_FILE: AttachedFile = {
  attachmentId: '00000000-0000-4000-8000-000000000000',
  name: 'file',
  size: 1,
  contentType: 'application/octet-stream',
  sha256: '0'.repeat(64),
};
