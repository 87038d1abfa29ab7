import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BlobStore } from '@portal/blob-store';
import type { AttachmentDoc } from '@portal/read-models';
import { ProblemException } from '../../http/problem';
import { byteRange } from './byte-range';
import { attachmentDisposition } from './content-disposition';

/**
 * Streams a file the caller may see: always as an attachment, never sniffed (`nosniff`) nor run
 * (a sandboxing CSP), ETag from the hash (If-None-Match: 304), one byte range (206, 416).
 */
export async function sendAttachment(
  request: FastifyRequest,
  reply: FastifyReply,
  blobs: BlobStore,
  doc: AttachmentDoc,
): Promise<void> {
  const etag = `"${doc.sha256}"`;
  void reply
    .header('etag', etag)
    .header('accept-ranges', 'bytes')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', attachmentDisposition(doc.name));
  const ifNoneMatch = request.headers['if-none-match'];
  if (
    ifNoneMatch !== undefined &&
    ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
  ) {
    await reply.code(304).send();
    return;
  }
  const rangeHeader = request.headers.range;
  const ifRange = request.headers['if-range'];
  const range = byteRange(ifRange === undefined || ifRange === etag ? rangeHeader : undefined, doc.size);
  if (range === 'unsatisfiable') {
    void reply.header('content-range', `bytes */${doc.size}`);
    throw ProblemException.of(416, 'range_not_satisfiable', `The file has ${doc.size} bytes.`);
  }
  const stream = await blobs.open(doc.sha256, range === 'full' ? undefined : range);
  if (!stream) throw ProblemException.of(404, 'attachment_not_found', 'Attachment not found.');
  const type = doc.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : doc.contentType;
  void reply.header('content-type', type);
  if (range === 'full') {
    await reply.code(200).header('content-length', String(doc.size)).send(stream);
    return;
  }
  await reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${doc.size}`)
    .header('content-length', String(range.end - range.start + 1))
    .send(stream);
}
