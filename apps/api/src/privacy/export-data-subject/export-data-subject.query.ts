import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';

/** A data subject's export, ready to stream in either form (nothing is read until it is). */
export interface DataExport {
  subjectId: string;
  json(): AsyncIterable<string>;
  zip(): Readable;
}

/** The export of the subject a contact id or portal user id names; 404 data_subject_not_found. */
export class ExportDataSubjectQuery extends Query<DataExport> {
  constructor(readonly subjectId: string) {
    super();
  }
}
