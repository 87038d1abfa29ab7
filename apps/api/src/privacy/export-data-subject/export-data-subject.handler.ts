import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { BlobStore } from '@portal/blob-store';
import { BLOB_STORE } from '../../infrastructure/tokens';
import { DataSubjects } from '../data-subjects';
import { DataExportReader } from './data-export-reader';
import { dataExportZip } from './data-export-zip';
import { ExportDataSubjectQuery, type DataExport } from './export-data-subject.query';
import { jsonDocumentStream } from './json-document-stream';

@QueryHandler(ExportDataSubjectQuery)
export class ExportDataSubjectHandler implements IQueryHandler<ExportDataSubjectQuery> {
  constructor(
    private readonly subjects: DataSubjects,
    private readonly reader: DataExportReader,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({ subjectId }: ExportDataSubjectQuery): Promise<DataExport> {
    const subject = await this.subjects.resolve(subjectId);
    const exportedAt = new Date().toISOString();
    const json = async function* (reader: DataExportReader) {
      yield* jsonDocumentStream(await reader.members(subject, exportedAt));
    };
    return {
      subjectId: subject.id,
      json: () => json(this.reader),
      zip: () => dataExportZip(json(this.reader), this.reader.files(subject.portalUserIds), this.blobs),
    };
  }
}
