import { Readable } from 'node:stream';
// The core entry: buffers only (no file system), and the one Jest can resolve (a `default` export).
import { fileTypeFromBuffer } from 'file-type/core';

/** Bytes looked at to tell a file's type (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

/**
 * What may be uploaded, by the type the bytes show (never the client's Content-Type or extension):
 * documents, images and archives a support case needs. HTML, SVG, XML and scripts are not on it, so
 * nothing served back can run in a browser.
 */
export const ALLOWED_CONTENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
];

/** Text that a browser could take for markup whatever it is served as. */
const MARKUP = /^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|a\s|div|img)/i;

function isPlainText(sample: Buffer): boolean {
  if (sample.length === 0 || sample.includes(0)) return false;
  // A cut in the middle of a multi-byte character at the sample's end is fine: drop up to 3 bytes.
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    const text = sample.subarray(0, sample.length - cut);
    if (Buffer.from(text.toString('utf8'), 'utf8').equals(text)) return !MARKUP.test(text.toString('utf8'));
  }
  return false;
}

/** The type of a file from its first bytes: a binary signature, else plain UTF-8 text, else null. */
export async function sniffContentType(sample: Buffer): Promise<string | null> {
  const detected = await fileTypeFromBuffer(sample);
  if (detected) return detected.mime;
  return isPlainText(sample) ? 'text/plain' : null;
}

/**
 * Reads the first `bytes` of a stream without losing them: the sample, and a stream of the whole
 * content (sample first) that keeps the source's back-pressure and errors.
 */
export async function peek(
  source: Readable,
  bytes = SNIFF_BYTES,
): Promise<{ sample: Buffer; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  const sample = Buffer.concat(head);
  async function* whole(): AsyncGenerator<Buffer> {
    if (sample.length > 0) yield sample;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { sample: sample.subarray(0, bytes), stream: Readable.from(whole(), { objectMode: false }) };
}
