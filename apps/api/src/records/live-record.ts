import type { RecordDoc } from '@portal/read-models';
import { ProblemException } from '../http/problem';

/**
 * Staff's answer for a record id: 404 `record_not_found`, or 404 `record_deleted` for one that
 * existed (staff may know that; portal users never learn it).
 */
export function liveRecordOr404(doc: RecordDoc | null): RecordDoc {
  if (!doc) throw ProblemException.of(404, 'record_not_found', 'Record not found.');
  if (doc.deleted) throw ProblemException.of(404, 'record_deleted', 'The record was deleted.');
  return doc;
}
