import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { BlobStore, StoredBlob } from '@portal/blob-store';
import { normaliseFileName } from '@portal/domain';
import { ProblemException } from '../../http/problem';
import { ALLOWED_CONTENT_TYPES, peek, sniffContentType } from './content-sniffing';

export interface ReceivedFile extends StoredBlob {
  name: string;
  contentType: string;
  /** Form fields sent before the file part (e.g. `isInternal`). */
  fields: Record<string, string>;
}

function tooLarge(maxBytes: number): ProblemException {
  return ProblemException.of(
    413,
    'file_too_large',
    `A file may hold at most ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
  );
}

/** Passes the bytes on while counting; past the limit the stream fails, so the blob store keeps nothing. */
async function* limited(source: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of source) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    yield chunk as Buffer;
  }
}

const MULTIPART_LIMIT_CODES = new Set([
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_REQ_FILE_TOO_LARGE',
]);

function asProblem(error: unknown, maxBytes: number, clientGone: boolean): unknown {
  if (error instanceof ProblemException) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code !== undefined && MULTIPART_LIMIT_CODES.has(code)) {
    return ProblemException.of(413, 'too_many_parts', 'An upload carries one file and at most 5 fields.');
  }
  // The client went away mid-body: its fault, not the service's (no 500 in the log). The blob
  // store already removed the temporary file; nobody reads this answer.
  if (clientGone) {
    return ProblemException.of(400, 'bad_request', 'The upload was cut off before its end.');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return ProblemException.of(
      415,
      'multipart_required',
      'Upload the file as multipart/form-data, field `file`.',
    );
  }
  return error;
}

/**
 * Streams the one file of a multipart upload into the blob store: never held whole in memory, its
 * type told from its first bytes (415 when not allowed), its name normalised, its SHA-256 counted on
 * the way; 413 past `maxBytes`, 400 for an empty file or none. On any refusal or a body cut off
 * mid-stream nothing is stored (the blob store removes its temporary file).
 */
export async function receiveUpload(
  request: FastifyRequest,
  blobs: BlobStore,
  maxBytes: number,
): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw ProblemException.of(
      415,
      'multipart_required',
      'Upload the file as multipart/form-data, field `file`.',
    );
  }
  try {
    const part = await request.file({
      // One byte over the limit: our own counter fails the stream first, so the blob store keeps nothing
      // (busboy's own limit ends it quietly as `truncated`, after a put would have finished).
      limits: { fileSize: maxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 },
    });
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw ProblemException.of(400, 'file_required', 'The upload needs a file in the field `file`.', [
        { path: 'file', message: 'is required' },
      ]);
    }
    const { sample, stream } = await peek(part.file);
    if (sample.length === 0) {
      throw ProblemException.of(400, 'file_empty', 'The file is empty.', [
        { path: 'file', message: 'is empty' },
      ]);
    }
    const contentType = await sniffContentType(sample);
    if (contentType === null || !ALLOWED_CONTENT_TYPES.includes(contentType)) {
      stream.destroy();
      throw ProblemException.of(
        415,
        'file_type_not_allowed',
        `Files of this type may not be uploaded (allowed: ${ALLOWED_CONTENT_TYPES.join(', ')}).`,
      );
    }
    const blob = await blobs.put(Readable.from(limited(stream, maxBytes)));
    if (part.file.truncated) throw tooLarge(maxBytes);
    const fields: Record<string, string> = {};
    for (const [name, field] of Object.entries(part.fields)) {
      const value = Array.isArray(field) ? field[0] : field;
      if (value && value.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
    }
    return { ...blob, name: normaliseFileName(part.filename ?? ''), contentType, fields };
  } catch (error) {
    // Judged on the request itself: a connection reset by an S3 server stays a fault of ours.
    throw asProblem(error, maxBytes, request.raw.destroyed && !request.raw.complete);
  }
}
