/** Every code a record decision may refuse with: clients and the API match on these. */
export const RECORD_ERROR_CODES = [
  'attachment_forbidden',
  'attachment_invalid',
  'attachment_not_found',
  'attachment_not_linkable',
  'attachment_remove_forbidden',
  'document_has_file',
  'too_many_attachments',
  'comment_empty',
  'field_read_only',
  'link_not_allowed',
  'record_create_forbidden',
  'record_delete_forbidden',
  'record_deleted',
  'record_edit_forbidden',
  'record_exists',
  'record_invalid',
  'record_not_found',
  'record_stream_forbidden',
] as const;
export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];
