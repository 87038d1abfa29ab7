import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { DataExport } from './export-data-subject.query';

/** `?format=json` (the default): one JSON document; `?format=zip`: it as data.json plus their files. */
export const dataExportQuery = z.strictObject({
  format: z.enum(['json', 'zip']).optional().describe('json (default) or zip (data.json and the files)'),
});
export type DataExportQuery = z.infer<typeof dataExportQuery>;

/** Streams the export as a download. */
export async function sendDataExport(
  reply: FastifyReply,
  data: DataExport,
  query: DataExportQuery,
): Promise<void> {
  const zip = query.format === 'zip';
  await reply
    .header('content-type', zip ? 'application/zip' : 'application/json; charset=utf-8')
    .header(
      'content-disposition',
      `attachment; filename="data-export-${data.subjectId}.${zip ? 'zip' : 'json'}"`,
    )
    .header('cache-control', 'no-store')
    .send(zip ? data.zip() : Readable.from(data.json()));
}
