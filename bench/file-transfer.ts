// Files over HTTP against the disk they land on: a BENCH_FILE_MB file (default 50) uploaded and
// downloaded through the API vs copied on the same disk, and the service's RSS growth while one
// BENCH_UPLOAD_RSS_MB upload (default 500) streams through. Each transfer writes to disk and fsyncs,
// as the blob store does, so the ratios compare like with like.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileTarget } from './bench-messages';
import { round } from './raw-store-rates';
import type { ServiceChild } from './service-child';
import { median } from './percentile';

const MiB = 1024 * 1024;
const RUNS = 3;

export interface FileTransferResult {
  fileMiB: number;
  /** MiB/s, the median of RUNS. */
  diskCopyMiBps: number;
  uploadMiBps: number;
  downloadMiBps: number;
  uploadRatio: number;
  downloadRatio: number;
  rssUploadMiB: number;
  /** The service's RSS at its highest during that upload, less its RSS just before. */
  rssGrowthMiB: number;
}

export function fileSizesFromEnv(env: NodeJS.ProcessEnv = process.env): { fileMiB: number; rssMiB: number } {
  const size = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of MiB`);
    return value;
  };
  return { fileMiB: size('BENCH_FILE_MB', 50), rssMiB: size('BENCH_UPLOAD_RSS_MB', 500) };
}

/** A PDF's first bytes (the upload's type is sniffed), then incompressible bytes, 1 MiB at a time. */
function* pdfChunks(mib: number): Generator<Buffer> {
  const block = randomBytes(MiB);
  for (let i = 0; i < mib; i++) {
    const chunk = Buffer.from(block);
    chunk.writeUInt32BE(i, 64);
    if (i === 0) chunk.write('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 0, 'latin1');
    yield chunk;
  }
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  await handle.sync();
  await handle.close();
}

/** An attachment as the upload answered it, with the upload's X-Consistency-Token. */
interface Uploaded {
  id: string;
  sha256: string;
  size: number;
  consistencyToken: string;
}

/** POST one multipart part `file`, streamed from `source`; the body is never held whole. */
async function uploadFrom(url: string, token: string, source: Readable): Promise<Uploaded> {
  const boundary = `----bench${randomUUID()}`;
  const req = request(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  const answered = once(req, 'response') as Promise<[import('node:http').IncomingMessage]>;
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  for await (const chunk of source) {
    if (!req.write(chunk)) await once(req, 'drain');
  }
  req.end(`\r\n--${boundary}--\r\n`);
  const [res] = await answered;
  let body = '';
  for await (const part of res) body += String(part);
  if (res.statusCode !== 201) throw new Error(`bench upload: ${res.statusCode} ${body}`);
  const consistencyToken = res.headers['x-consistency-token'];
  if (typeof consistencyToken !== 'string') throw new Error('bench upload: no X-Consistency-Token');
  return { ...(JSON.parse(body) as Omit<Uploaded, 'consistencyToken'>), consistencyToken };
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function benchFileTransfer(
  service: ServiceChild,
  sizes: { fileMiB: number; rssMiB: number },
  log: (text: string) => void,
): Promise<FileTransferResult> {
  const target = await service.request<'fileTarget', FileTarget>('fileTarget', {});
  const attachments = `${service.url}/v1/records/Case/${target.caseId}/attachments`;
  const dir = await mkdtemp(join(tmpdir(), 'bench-files-'));
  try {
    const source = join(dir, 'source.pdf');
    await pipeline(Readable.from(pdfChunks(sizes.fileMiB)), createWriteStream(source));
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(source)) hash.update(chunk as Buffer);
    const sha256 = hash.digest('hex');
    const bytes = (await stat(source)).size;

    const copies: number[] = [];
    const uploads: number[] = [];
    const downloads: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const copy = await timed(async () => {
        await pipeline(createReadStream(source), createWriteStream(join(dir, 'copy.pdf')));
        await fsyncFile(join(dir, 'copy.pdf'));
      });
      copies.push(sizes.fileMiB / copy.seconds);
      const up = await timed(() => uploadFrom(attachments, target.token, createReadStream(source)));
      if (up.value.sha256 !== sha256 || up.value.size !== bytes)
        throw new Error('bench upload: bytes differ');
      uploads.push(sizes.fileMiB / up.seconds);
      const down = await timed(async () => {
        // As a client reads its own write: with the upload's token, so the download waits for the
        // read models to hold the attachment instead of racing the projector (a 404 on Postgres).
        const res = await fetch(`${attachments}/${up.value.id}`, {
          headers: {
            authorization: `Bearer ${target.token}`,
            'x-consistency-token': up.value.consistencyToken,
          },
        });
        if (res.status !== 200 || !res.body) throw new Error(`bench download: ${res.status}`);
        await pipeline(
          Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
          createWriteStream(join(dir, 'down.pdf')),
        );
        await fsyncFile(join(dir, 'down.pdf'));
      });
      if ((await stat(join(dir, 'down.pdf'))).size !== bytes) throw new Error('bench download: size differs');
      downloads.push(sizes.fileMiB / down.seconds);
      await rm(join(dir, 'copy.pdf'));
      await rm(join(dir, 'down.pdf'));
      // Each upload is a new attachment of the same bytes: remove it (the record holds at most 100).
      await fetch(`${attachments}/${up.value.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${target.token}` },
      });
    }
    const rates = (values: number[]) => values.map((v) => round(v, 1)).join('/');
    log(
      `files: MiB/s per run: copy ${rates(copies)}, upload ${rates(uploads)}, download ${rates(downloads)}`,
    );
    const diskCopyMiBps = round(median(copies), 1);
    const uploadMiBps = round(median(uploads), 1);
    const downloadMiBps = round(median(downloads), 1);
    log(
      `files: ${sizes.fileMiB} MiB copied on disk ${diskCopyMiBps} MiB/s, uploaded ${uploadMiBps} MiB/s, downloaded ${downloadMiBps} MiB/s`,
    );

    // RSS: sampled every 50 ms while a large upload streams through, generated on the fly.
    const before = rssMiB(service.pid);
    let highest = before;
    const sampler = setInterval(() => {
      highest = Math.max(highest, rssMiB(service.pid));
    }, 50);
    try {
      await uploadFrom(attachments, target.token, Readable.from(pdfChunks(sizes.rssMiB)));
    } finally {
      clearInterval(sampler);
    }
    highest = Math.max(highest, rssMiB(service.pid));
    const rssGrowthMiB = round(highest - before, 1);
    log(
      `files: RSS ${round(before, 0)} MiB before a ${sizes.rssMiB} MiB upload, +${rssGrowthMiB} MiB at most during it`,
    );
    return {
      fileMiB: sizes.fileMiB,
      diskCopyMiBps,
      uploadMiBps,
      downloadMiBps,
      uploadRatio: Number((uploadMiBps / diskCopyMiBps).toPrecision(3)),
      downloadRatio: Number((downloadMiBps / diskCopyMiBps).toPrecision(3)),
      rssUploadMiB: sizes.rssMiB,
      rssGrowthMiB,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
