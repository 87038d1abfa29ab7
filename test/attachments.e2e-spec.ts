import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FilesystemBlobStore, type BlobStore } from '@portal/blob-store';
import { createServiceLogger } from '@portal/platform';
import { startBlobSweeper } from '@portal/runtime';
import { S3BlobStore } from '../libs/blob-store/src/s3/s3-blob-store';
import { startLocalS3Server } from '../libs/blob-store/src/testing/local-s3-server';
import { startTestApp, type TestApp } from './support';
import { PortalWorld } from './portal-world';

// Files on records through HTTP: a portal user downloads their account's Document and gets 404 for
// another account's; uploads to their case, which staff then see; internal files stay hidden; and
// every class of bad upload is refused with nothing stored.

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  Buffer.alloc(2000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  Buffer.alloc(500, 7),
]);

/** The sweeper's grace here: seconds, so one test can wait past it. */
const SWEEP_GRACE_MS = 2_500;

let app: TestApp;
let world: PortalWorld;
let portal: { id: string; slug: string };
let customer: { id: string; token: string };
let acmeDocument: string;
let globexDocument: string;
let acmeFile: string;
let globexFile: string;

async function upload(
  path: string,
  token: string,
  bytes: Buffer,
  name: string,
  options: { type?: string; fields?: Record<string, string> } = {},
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value);
  form.append('file', new Blob([bytes], { type: options.type ?? 'application/octet-stream' }), name);
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  const token_ = res.headers.get('x-consistency-token');
  return { status: res.status, json: text ? JSON.parse(text) : null, token: token_ };
}

async function download(path: string, token: string, headers: Record<string, string> = {}) {
  await world.sync();
  const res = await fetch(`${app.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function storedBlobs(): Promise<number> {
  const root = join(app.config.dataDir, 'blobs');
  let count = 0;
  for (const dir of await readdir(root)) {
    if (dir === 'tmp') continue;
    count += (await readdir(join(root, dir))).length;
  }
  return count;
}

async function tempFiles(): Promise<number> {
  return (await readdir(join(app.config.dataDir, 'blobs', 'tmp'))).length;
}

/**
 * An upload whose body is sent only in part and then held open: the service has taken its slot and
 * is streaming the bytes into a temporary file. `cut()` drops the connection mid-stream.
 */
function partialUpload(path: string, token: string, firstBytes: Buffer) {
  const boundary = `----cut${Date.now()}`;
  const url = new URL(`${app.baseUrl}${path}`);
  const req: ClientRequest = httpRequest({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  const answered = new Promise<IncomingMessage | null>((resolve) => {
    req.on('response', resolve);
    req.on('error', () => resolve(null));
  });
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  req.write(firstBytes);
  return {
    answered,
    cut() {
      req.destroy();
    },
  };
}

/** Polls until `check` holds (the service reacts to a socket on its own time). */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  app = await startTestApp({ config: { maxUploadMb: 1, blobSweepGraceHours: SWEEP_GRACE_MS / 3_600_000 } });
  world = await PortalWorld.start(app);
  const acme = await world.createRecord('Account', { name: 'Acme' });
  const globex = await world.createRecord('Account', { name: 'Globex' });
  const contact = await world.createRecord('Contact', {
    firstName: 'Cus',
    lastName: 'Tomer',
    email: `cus-${world.unique()}@acme.example.com`,
    accountId: acme,
  });
  const role = await world.createRole({
    name: 'Customers',
    scopes: {
      Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' },
      Document: { create: 'no', read: 'account', edit: 'no', delete: 'no' },
    },
  });
  portal = await world.createPortal({ roleIds: [role], tabList: ['Case', 'Document'] });
  customer = await world.createPortalUser(contact, portal);
  acmeDocument = await world.createRecord('Document', { name: 'Acme contract', accountIds: [acme] });
  globexDocument = await world.createRecord('Document', { name: 'Globex contract', accountIds: [globex] });
  const admin = world.adminToken;
  const a = await upload(
    `/v1/records/Document/${acmeDocument}/attachments`,
    admin,
    PDF,
    'Vertrag über €.pdf',
  );
  const g = await upload(`/v1/records/Document/${globexDocument}/attachments`, admin, PDF, 'globex.pdf');
  expect([a.status, g.status]).toEqual([201, 201]);
  acmeFile = a.json.id;
  globexFile = g.json.id;
  expect(a.json).toMatchObject({
    name: 'Vertrag über €.pdf',
    size: PDF.length,
    contentType: 'application/pdf',
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('documents', () => {
  it('a portal user lists and downloads the Document of their account, bytes equal, as an attachment', async () => {
    const base = `/v1/portals/${portal.slug}/records/Document/${acmeDocument}/attachments`;
    const list = await world.call('get', base, customer.token);
    expect(list.status).toBe(200);
    expect((list.json.items as { id: string }[]).map((i) => i.id)).toEqual([acmeFile]);
    const file = await download(`${base}/${acmeFile}`, customer.token);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PDF)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Vertrag _ber _.pdf"; filename*=UTF-8''Vertrag%20%C3%BCber%20%E2%82%AC.pdf`,
    );
    expect(file.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await download(`${base}/${acmeFile}`, customer.token, {
      'if-none-match': file.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    const range = await download(`${base}/${acmeFile}`, customer.token, { range: 'bytes=0-3' });
    expect([range.status, range.bytes.toString('latin1'), range.headers.get('content-range')]).toEqual([
      206,
      '%PDF',
      `bytes 0-3/${PDF.length}`,
    ]);
    const past = await download(`${base}/${acmeFile}`, customer.token, { range: `bytes=${PDF.length + 5}-` });
    expect(past.status).toBe(416);
  });

  it("404 for another account's Document and its file, by any path", async () => {
    const other = `/v1/portals/${portal.slug}/records/Document/${globexDocument}/attachments`;
    expect((await world.call('get', other, customer.token)).status).toBe(404);
    expect((await download(`${other}/${globexFile}`, customer.token)).status).toBe(404);
    // The other account's file id under the readable document's path.
    const mine = `/v1/portals/${portal.slug}/records/Document/${acmeDocument}/attachments`;
    expect((await download(`${mine}/${globexFile}`, customer.token)).status).toBe(404);
  });

  it('a Document holds one file: a second upload is 409', async () => {
    const res = await upload(
      `/v1/records/Document/${acmeDocument}/attachments`,
      world.adminToken,
      PNG,
      'x.png',
    );
    expect(res.status).toBe(409);
  });
});

describe('case attachments', () => {
  let caseId: string;
  let uploaded: string;

  beforeAll(async () => {
    const created = await world.call('post', `/v1/portals/${portal.slug}/records/Case`, customer.token, {
      name: 'Printer on fire',
    });
    expect(created.status).toBe(201);
    caseId = created.json.id as string;
  });

  it('a portal user uploads to their case (right after creating it); staff see the file and its uploader', async () => {
    const res = await upload(
      `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments`,
      customer.token,
      PNG,
      '../../etc/photo.png',
      {
        type: 'text/html',
      },
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'photo.png', contentType: 'image/png', size: PNG.length });
    uploaded = res.json.id;
    const staffList = await world.staff('get', `/v1/records/Case/${caseId}/attachments`);
    expect(staffList.status).toBe(200);
    expect(staffList.json.items).toEqual([
      expect.objectContaining({
        id: uploaded,
        isInternal: false,
        createdBy: expect.objectContaining({ type: 'portalUser', id: customer.id }),
      }),
    ]);
    const bytes = await download(`/v1/records/Case/${caseId}/attachments/${uploaded}`, world.adminToken);
    expect(bytes.bytes.equals(PNG)).toBe(true);
  });

  it('an internal file is never listed nor downloadable for the portal user; staff see it', async () => {
    const res = await upload(
      `/v1/records/Case/${caseId}/attachments`,
      world.adminToken,
      PDF,
      'internal.pdf',
      {
        fields: { isInternal: 'true' },
      },
    );
    expect(res.status).toBe(201);
    const portalList = await world.call(
      'get',
      `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments`,
      customer.token,
    );
    expect((portalList.json.items as { id: string }[]).map((i) => i.id)).toEqual([uploaded]);
    const hidden = await download(
      `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments/${res.json.id}`,
      customer.token,
    );
    expect(hidden.status).toBe(404);
    const staffList = await world.staff('get', `/v1/records/Case/${caseId}/attachments`);
    expect(staffList.json.items).toHaveLength(2);
  });

  it('the record history names the files (metadata, no bytes)', async () => {
    const history = await world.staff('get', `/v1/records/Case/${caseId}/history`);
    expect(history.status).toBe(200);
    expect((history.json as { event: string }[]).map((e) => e.event)).toEqual(
      expect.arrayContaining(['AttachmentAdded']),
    );
  });

  it('refuses every bad upload and stores nothing', async () => {
    const path = `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments`;
    const blobsBefore = await storedBlobs();
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0)]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const oversized = Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x41)]);
    const outcomes = [
      (await upload(path, customer.token, html, 'invoice.pdf', { type: 'application/pdf' })).status,
      (await upload(path, customer.token, exe, 'report.pdf', { type: 'application/pdf' })).status,
      (await upload(path, customer.token, svg, 'logo.png', { type: 'image/png' })).status,
      (await upload(path, customer.token, Buffer.alloc(0), 'empty.txt')).status,
      (await upload(path, customer.token, oversized, 'big.pdf')).status,
    ];
    expect(outcomes).toEqual([415, 415, 415, 400, 413]);
    const notMultipart = await fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(notMultipart.status).toBe(415);
    expect(await storedBlobs()).toBe(blobsBefore);
    expect(await tempFiles()).toBe(0);
  });

  it("404 for an upload to another account's record, before any byte is stored", async () => {
    const res = await upload(
      `/v1/portals/${portal.slug}/records/Document/${globexDocument}/attachments`,
      customer.token,
      PNG,
      'x.png',
    );
    expect(res.status).toBe(404);
  });

  it('a body cut off mid-stream appends nothing and leaves no temporary file', async () => {
    const path = `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments`;
    const blobsBefore = await storedBlobs();
    const listBefore = await world.staff('get', `/v1/records/Case/${caseId}/attachments`);
    // Past the sniffing sample (4,100 bytes), so the bytes are on their way into a temporary file.
    const upload = partialUpload(path, customer.token, Buffer.concat([PDF, Buffer.alloc(64 * 1024, 0x20)]));
    await eventually(async () => (await tempFiles()) === 1);
    upload.cut();
    await upload.answered;
    await eventually(async () => (await tempFiles()) === 0);
    expect(await storedBlobs()).toBe(blobsBefore);
    await world.sync();
    const listAfter = await world.staff('get', `/v1/records/Case/${caseId}/attachments`);
    expect(listAfter.json.items).toEqual(listBefore.json.items);
  });

  it('a fourth upload at once from one user is 429; the three in flight are unaffected until cut', async () => {
    const path = `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments`;
    const held = [0, 1, 2].map(() =>
      partialUpload(path, customer.token, Buffer.concat([PDF, Buffer.alloc(8 * 1024, 0x20)])),
    );
    await eventually(async () => (await tempFiles()) === 3);
    const fourth = await upload(path, customer.token, PNG, 'fourth.png');
    expect([fourth.status, fourth.json.type]).toEqual([429, 'urn:portal:problem:too_many_uploads']);
    // Another user is not held back by this one's uploads.
    const staff = await upload(`/v1/records/Case/${caseId}/attachments`, world.adminToken, PNG, 'staff.png');
    expect(staff.status).toBe(201);
    for (const h of held) h.cut();
    await Promise.all(held.map((h) => h.answered));
    await eventually(async () => (await tempFiles()) === 0);
    // The slots are given back: the same user uploads again.
    const again = await upload(path, customer.token, PNG, 'again.png');
    expect(again.status).toBe(201);
  });
});

describe('comments that carry files', () => {
  let caseId: string;
  const portalBase = () => `/v1/portals/${portal.slug}/records/Case/${caseId}`;

  beforeAll(async () => {
    const created = await world.call('post', `/v1/portals/${portal.slug}/records/Case`, customer.token, {
      name: 'Invoice wrong',
    });
    caseId = created.json.id as string;
  });

  async function commentCount(): Promise<number> {
    await world.sync();
    const res = await world.staff('get', `/v1/records/Case/${caseId}/stream?perPage=100`);
    return (res.json.items as unknown[]).length;
  }

  it('a portal user posts a comment with their upload; it carries the file, visible to them and staff', async () => {
    const file = await upload(`${portalBase()}/attachments`, customer.token, PDF, 'scan.pdf');
    expect(file.status).toBe(201);
    const posted = await world.call('post', `${portalBase()}/stream`, customer.token, {
      text: 'Scan attached',
      attachmentIds: [file.json.id],
    });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({ text: 'Scan attached', attachmentIds: [file.json.id] });
    await world.sync();
    const mine = await world.call('get', `${portalBase()}/attachments`, customer.token);
    expect(mine.json.items).toEqual([
      expect.objectContaining({ id: file.json.id, commentId: posted.json.id }),
    ]);
    const staffList = await world.staff('get', `/v1/records/Case/${caseId}/attachments`);
    expect(staffList.json.items).toEqual([
      expect.objectContaining({ id: file.json.id, commentId: posted.json.id, isInternal: false }),
    ]);
  });

  it('refuses files that are not the poster’s to carry, with nothing appended', async () => {
    const staffFile = await upload(
      `/v1/records/Case/${caseId}/attachments`,
      world.adminToken,
      PNG,
      'staff-only.png',
    );
    const ownFile = await upload(`${portalBase()}/attachments`, customer.token, PNG, 'mine.png');
    const before = await commentCount();
    const refusals = [
      // Uploaded by staff, not by this user.
      await world.call('post', `${portalBase()}/stream`, customer.token, {
        text: 'x',
        attachmentIds: [staffFile.json.id],
      }),
      // A file of another record (the Document's).
      await world.call('post', `${portalBase()}/stream`, customer.token, {
        text: 'x',
        attachmentIds: [ownFile.json.id, acmeFile],
      }),
      // An id no file has.
      await world.staff('post', `/v1/records/Case/${caseId}/stream`, {
        text: 'x',
        attachmentIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      // Not a UUID; the same file twice.
      await world.staff('post', `/v1/records/Case/${caseId}/stream`, { text: 'x', attachmentIds: ['../x'] }),
      await world.staff('post', `/v1/records/Case/${caseId}/stream`, {
        text: 'x',
        attachmentIds: [staffFile.json.id, staffFile.json.id],
      }),
    ];
    expect(refusals.map((r) => [r.status, (r.json as { type?: string }).type])).toEqual([
      [422, 'urn:portal:problem:attachment_not_linkable'],
      [422, 'urn:portal:problem:attachment_not_linkable'],
      [422, 'urn:portal:problem:attachment_not_linkable'],
      [400, 'urn:portal:problem:validation_failed'],
      [400, 'urn:portal:problem:validation_failed'],
    ]);
    expect(await commentCount()).toBe(before);
    await world.sync();
    const files = await world.staff('get', `/v1/records/Case/${caseId}/attachments`);
    for (const id of [staffFile.json.id, ownFile.json.id]) {
      expect(files.json.items).toContainEqual(expect.objectContaining({ id, commentId: null }));
    }
  });

  it('the files of an internal staff comment are never listed nor downloadable for the portal user', async () => {
    const file = await upload(`/v1/records/Case/${caseId}/attachments`, world.adminToken, PDF, 'notes.pdf');
    const before = await download(`${portalBase()}/attachments/${file.json.id}`, customer.token);
    expect(before.status).toBe(200);
    const posted = await world.staff('post', `/v1/records/Case/${caseId}/stream`, {
      text: 'Internal: see notes',
      isInternal: true,
      attachmentIds: [file.json.id],
    });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({ isInternal: true, attachmentIds: [file.json.id] });
    const list = await world.call('get', `${portalBase()}/attachments`, customer.token);
    expect((list.json.items as { id: string }[]).map((i) => i.id)).not.toContain(file.json.id);
    const after = await download(`${portalBase()}/attachments/${file.json.id}`, customer.token);
    expect(after.status).toBe(404);
    const comments = await world.call('get', `${portalBase()}/stream`, customer.token);
    expect((comments.json.items as { id: string }[]).map((c) => c.id)).not.toContain(posted.json.id);
    // Nor through a link to the case that asks for comments and files.
    const link = await world.staff('post', `/v1/records/Case/${caseId}/share-links`, {
      includeComments: true,
      includeAttachments: true,
    });
    expect(link.status).toBe(201);
    const shared = await world.call('get', `/v1/shared/${link.json.token}`, '');
    expect(shared.status).toBe(200);
    expect(JSON.stringify(shared.json)).not.toContain(file.json.id);
    expect(JSON.stringify(shared.json)).not.toContain('Internal: see notes');
    // Staff see it, marked internal by its comment.
    const staffList = await world.staff('get', `/v1/records/Case/${caseId}/attachments`);
    expect(staffList.json.items).toContainEqual(
      expect.objectContaining({ id: file.json.id, commentId: posted.json.id, isInternal: true }),
    );
  });

  it('the files are in the record’s history and the portal’s audit export as metadata, never bytes', async () => {
    const file = await upload(`${portalBase()}/attachments`, customer.token, PNG, 'audit.png');
    expect(file.status).toBe(201);
    const removed = await world.staff('delete', `/v1/records/Case/${caseId}/attachments/${file.json.id}`);
    expect(removed.status).toBe(204);
    const metadata = {
      id: file.json.id,
      name: 'audit.png',
      size: PNG.length,
      contentType: 'image/png',
      sha256: file.json.sha256,
      isInternal: false,
    };

    const history = await world.staff('get', `/v1/records/Case/${caseId}/history`);
    const entries = history.json as {
      event: string;
      attachment?: unknown;
      linked?: { attachmentIds: string[] };
    }[];
    expect(
      entries.filter((e) => e.attachment && (e.attachment as { id: string }).id === file.json.id),
    ).toEqual([
      expect.objectContaining({ event: 'AttachmentAdded', attachment: metadata }),
      expect.objectContaining({ event: 'AttachmentRemoved', attachment: metadata }),
    ]);
    expect(entries.filter((e) => e.event === 'CommentAttachmentsLinked').length).toBeGreaterThanOrEqual(2);

    // The case was created through the portal, so its stream is in the portal's export.
    const res = await fetch(`${app.baseUrl}/v1/audit/portals/${portal.id}/export`, {
      headers: { authorization: `Bearer ${world.adminToken}` },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    const lines = body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { stream: string; type: string; data: Record<string, unknown> });
    const ofCase = lines.filter((line) => line.stream === `record-Case-${caseId}`);
    expect(
      ofCase.filter((l) => l.type === 'AttachmentAdded' && l.data.attachmentId === file.json.id),
    ).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ name: 'audit.png', size: PNG.length, sha256: file.json.sha256 }),
      }),
    ]);
    expect(ofCase.map((l) => l.type)).toEqual(
      expect.arrayContaining(['AttachmentAdded', 'CommentAttachmentsLinked', 'AttachmentRemoved']),
    );
    // No file's bytes, raw or encoded, in the export (every upload in this file was a PDF or a PNG).
    for (const bytes of [PDF, PNG]) {
      for (const encoded of [
        bytes.toString('base64'),
        bytes.toString('hex'),
        bytes.subarray(0, 8).toString('base64'),
      ]) {
        expect(body).not.toContain(encoded);
      }
    }
    expect(body).not.toContain('%PDF-1.4');
  });
});

describe('the blob sweeper (projector role)', () => {
  // Bytes no event references (an upload whose AttachmentAdded was never appended) go once older
  // than the grace; young ones and bytes an attached file holds stay. On the app's own store
  // (filesystem, the role's sweeper) and on an S3 server on loopback (s3rver) swept beside it
  // against the same read models.
  it('deletes an orphan older than the grace period; keeps a young orphan and a referenced blob', async () => {
    const s3 = await startLocalS3Server();
    const s3Store = new S3BlobStore({ bucket: s3.bucket, prefix: 'sweep', client: s3.client });
    const lines: string[] = [];
    const log = createServiceLogger({ destination: { write: (line: string) => lines.push(line) } });
    const s3Sweeper = await startBlobSweeper(app.config, app, log, {
      store: s3Store,
      graceMs: SWEEP_GRACE_MS,
      intervalMs: 3_600_000,
    });
    const fsStore = await FilesystemBlobStore.open(join(app.config.dataDir, 'blobs'));
    try {
      const stores: [string, BlobStore, () => Promise<unknown>][] = [
        ['filesystem', fsStore, () => app.blobSweeper!.sweeper.sweep()],
        ['s3rver', s3Store, () => s3Sweeper.sweeper.sweep()],
      ];
      const put = (store: BlobStore, bytes: Buffer) => store.put(Readable.from([bytes]));
      const old = await Promise.all(stores.map(([, store]) => put(store, randomBytes(3_000))));
      // The PDF is attached (the Documents above): its bytes are referenced wherever they are.
      const held = await Promise.all(stores.map(([, store]) => put(store, PDF)));
      await new Promise((resolve) => setTimeout(resolve, SWEEP_GRACE_MS + 1_000));
      const young = await Promise.all(stores.map(([, store]) => put(store, randomBytes(1_000))));
      for (const [index, [name, store, sweep]] of stores.entries()) {
        const result = await sweep();
        expect([name, result]).toEqual([name, expect.objectContaining({ deleted: 1, bytesDeleted: 3_000 })]);
        expect(result).not.toHaveProperty('skipped');
        expect(await store.stat(old[index]!.sha256)).toBeNull();
        expect(await store.stat(young[index]!.sha256)).not.toBeNull();
        expect(await store.stat(held[index]!.sha256)).not.toBeNull();
      }
      // One JSON line per sweep, counts only: no hash (nor name) reaches the log.
      const line = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
      expect(line).toMatchObject({ component: 'blob-sweeper', blobSweep: { deleted: 1, store: 's3' } });
      for (const blob of [...old, ...held]) expect(lines.join('\n')).not.toContain(blob.sha256);
      // Every file attached in this suite is still downloadable.
      await world.sync();
      const file = await download(
        `/v1/portals/${portal.slug}/records/Document/${acmeDocument}/attachments/${acmeFile}`,
        customer.token,
      );
      expect(file.bytes.equals(PDF)).toBe(true);
    } finally {
      await s3Sweeper.stop();
      await s3Store.close();
      await s3.close();
    }
  });
});
