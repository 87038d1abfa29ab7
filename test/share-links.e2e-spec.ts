/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON */
import { randomUUID } from 'node:crypto';
import { hashToken } from '@portal/platform';
import { startTestApp, type ApiResponse, type TestApp } from './support';
import { PortalWorld } from './portal-world';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  Buffer.alloc(1500, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

// Share links end to end: a portal user (role action `share`) and staff make links; someone without
// an account opens them. Each way a link dies has its own test and its own link, and every dead
// link answers exactly like a token nobody ever had.
describe('share links', () => {
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  let roleId: string;
  let accountId: string;
  const contacts: string[] = [];
  let customer: { id: string; token: string };
  let unknownAnswer: ApiResponse;

  const role = {
    name: 'Sharing customers',
    scopes: { Case: { create: 'yes', read: 'account', stream: 'account', share: 'account' } },
    fields: { Case: { internalNotes: { read: 'no', edit: 'no' } } },
  };

  const asUser = (user: { token: string }, method: Method, path: string, body?: unknown) =>
    world.call(method, `/v1/portals/${portal.slug}${path}`, user.token, body);

  /** A fresh contact of the account, made a portal user with the sharing role. */
  async function newCustomer(roleIds = [roleId]): Promise<{ id: string; token: string }> {
    const contactId = await world.createRecord('Contact', {
      firstName: 'Sam',
      lastName: `Sharer ${world.unique()}`,
      email: `sam-${world.unique()}@acme.test`,
      accountId,
    });
    contacts.push(contactId);
    return world.createPortalUser(contactId, portal, roleIds);
  }

  async function newCase(fields: Record<string, unknown> = {}): Promise<string> {
    const id = await world.createRecord('Case', {
      name: `Printer on fire ${world.unique()}`,
      status: 'New',
      priority: 'High',
      internalNotes: 'customer is difficult',
      accountId,
      ...fields,
    });
    await world.sync();
    return id;
  }

  async function share(user: { token: string }, caseId: string, body: Record<string, unknown> = {}) {
    const res = await asUser(user, 'post', `/records/Case/${caseId}/share-links`, body);
    if (res.status !== 201) throw new Error(`share: ${res.status} ${res.text}`);
    return res.json as { id: string; url: string; token: string; expiresAt: string };
  }

  /** Opened by someone without a session; waits for the projector to know the link (read-your-writes). */
  const open = (token: string) => world.call('get', `/v1/shared/${token}`, '');

  async function expectDead(token: string): Promise<void> {
    const res = await open(token);
    expect(res.status).toBe(404);
    expect(res.json).toEqual(unknownAnswer.json);
  }

  /** Staff attach a PDF to the case (multipart, as a client would); its id. */
  async function attach(caseId: string, name: string, isInternal = false): Promise<string> {
    const form = new FormData();
    form.append('isInternal', String(isInternal));
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
    const res = await fetch(`${app.baseUrl}/v1/records/Case/${caseId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.adminToken}` },
      body: form,
    });
    const body = (await res.json()) as { id: string };
    if (res.status !== 201) throw new Error(`attach: ${res.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  /** A staff comment carrying files already on the case. */
  async function commentWithFiles(caseId: string, isInternal: boolean, attachmentIds: string[]) {
    const res = await world.staff('post', `/v1/records/Case/${caseId}/stream`, {
      text: 'See file',
      isInternal,
      attachmentIds,
    });
    if (res.status !== 201) throw new Error(`comment: ${res.status} ${res.text}`);
  }

  /** Downloads a file through the link, without a session. */
  async function download(token: string, attachmentId: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${app.baseUrl}/v1/shared/${token}/attachments/${attachmentId}`, { headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString()) : null;
    return { status: res.status, headers: res.headers, bytes, json };
  }

  async function expectNoDownload(token: string, attachmentId: string): Promise<void> {
    const res = await download(token, attachmentId);
    expect(res.status).toBe(404);
    expect(res.json).toEqual(unknownAnswer.json);
  }

  beforeAll(async () => {
    app = await startTestApp();
    world = await PortalWorld.start(app);
    accountId = await world.createRecord('Account', { name: 'Acme' });
    roleId = await world.createRole(role);
    portal = await world.createPortal({
      tabList: ['Case'],
      recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
      branding: { companyName: 'Acme Support', primaryColor: '#0b5cad' },
    });
    customer = await newCustomer();
    unknownAnswer = await open('no-such-token-' + 'x'.repeat(30));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the record as its creator reads it now, with public comments only, to anyone holding the link', async () => {
    const caseId = await newCase();
    await world.staff('post', `/v1/records/Case/${caseId}/stream`, { text: 'We are on it' });
    await world.staff('post', `/v1/records/Case/${caseId}/stream`, { text: 'Staff only', isInternal: true });
    const link = await share(customer, caseId, { includeComments: true, note: 'for my colleague' });
    expect(link.url).toBe(`${app.config.publicUrl}/s/${link.token}`);
    // At least 128 bits: 32 random bytes in base64url.
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sevenDays = Date.now() + 7 * 86_400_000;
    expect(Math.abs(Date.parse(link.expiresAt) - sevenDays)).toBeLessThan(60_000);

    const res = await open(link.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.json.record).toMatchObject({
      id: caseId,
      entityType: 'Case',
      status: 'New',
      priority: 'High',
    });
    expect(res.json.record).not.toHaveProperty('internalNotes');
    expect(res.json.record).not.toHaveProperty('isInternal');
    expect(res.json.comments.map((c: any) => c.text)).toEqual(['We are on it']);
    expect(res.json.sharedFrom).toEqual({
      name: `Portal ${portal.slug}`,
      language: 'en_US',
      timeZone: 'UTC',
      dateFormat: 'YYYY-MM-DD',
      branding: { logoUrl: null, primaryColor: '#0b5cad', companyName: 'Acme Support' },
    });

    // The events keep the token's hash, never the token.
    const events = await app.eventStore.readStream(`shareLink-${link.id}`);
    expect(JSON.stringify(events)).not.toContain(link.token);
    expect(events[0].data.tokenHash).toBe(hashToken(link.token));
  });

  it('counts views without an event per view; the first view is ShareLinkFirstOpened', async () => {
    const caseId = await newCase();
    const link = await share(customer, caseId);
    for (let i = 0; i < 3; i++) expect((await open(link.token)).status).toBe(200);
    const types = (await app.eventStore.readStream(`shareLink-${link.id}`)).map((e) => e.type);
    expect(types).toEqual(['ShareLinkCreated', 'ShareLinkFirstOpened']);
    const mine = await asUser(customer, 'get', `/records/Case/${caseId}/share-links`);
    expect(mine.status).toBe(200);
    expect(mine.json.items).toHaveLength(1);
    expect(mine.json.items[0]).toMatchObject({ id: link.id, status: 'active', views: 3 });
    expect(mine.json.items[0].firstViewAt).not.toBeNull();
    expect(JSON.stringify(mine.json)).not.toContain(link.token);
    expect(JSON.stringify(mine.json)).not.toContain(hashToken(link.token));
    const byCreator = await world.staff('get', `/v1/share-links?filter[creatorId]=${customer.id}`);
    expect(byCreator.json.items.map((l: any) => l.id)).toContain(link.id);
  });

  describe('a link dies (404 like an unknown token) when', () => {
    it('it is revoked, at once', async () => {
      const caseId = await newCase();
      const link = await share(customer, caseId);
      expect((await open(link.token)).status).toBe(200);
      const revoked = await asUser(customer, 'delete', `/records/Case/${caseId}/share-links/${link.id}`);
      expect(revoked.status).toBe(204);
      // No consistency token: the revocation is read from the link's own stream.
      const res = await app.http.get(`/v1/shared/${link.token}`);
      expect(res.status).toBe(404);
      expect(res.json).toEqual(unknownAnswer.json);
    });

    it('it expires, and the first view after records ShareLinkExpired once', async () => {
      const caseId = await newCase();
      const link = await share(customer, caseId, { expiresAt: new Date(Date.now() + 3_000).toISOString() });
      expect((await open(link.token)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      await expectDead(link.token);
      await expectDead(link.token);
      let types: string[] = [];
      for (let i = 0; i < 50 && !types.includes('ShareLinkExpired'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        types = (await app.eventStore.readStream(`shareLink-${link.id}`)).map((e) => e.type);
      }
      expect(types.filter((t) => t === 'ShareLinkExpired')).toHaveLength(1);
    });

    it('the record is deleted', async () => {
      const caseId = await newCase();
      const link = await share(customer, caseId);
      expect((await world.staff('delete', `/v1/records/Case/${caseId}`)).status).toBe(204);
      await expectDead(link.token);
    });

    it('the record becomes internal', async () => {
      const caseId = await newCase();
      const link = await share(customer, caseId);
      expect((await world.staff('patch', `/v1/records/Case/${caseId}`, { isInternal: true })).status).toBe(
        200,
      );
      await expectDead(link.token);
    });

    it("the record leaves the portal's record criteria", async () => {
      const caseId = await newCase();
      const link = await share(customer, caseId);
      const moved = await world.staff('patch', `/v1/records/Case/${caseId}`, { status: 'Internal review' });
      expect(moved.status).toBe(200);
      await expectDead(link.token);
    });

    it('its creator is deactivated', async () => {
      const creator = await newCustomer();
      const link = await share(creator, await newCase());
      expect((await world.staff('post', `/v1/portal-users/${creator.id}/deactivate`)).status).toBeLessThan(
        300,
      );
      await expectDead(link.token);
    });

    it('its creator is removed from the portal', async () => {
      const creator = await newCustomer();
      const link = await share(creator, await newCase());
      const removed = await world.staff('delete', `/v1/portals/${portal.id}/users/${creator.id}`);
      expect(removed.status).toBeLessThan(300);
      await expectDead(link.token);
    });

    it("its creator's roles change so they cannot read the record any more", async () => {
      const narrowRole = await world.createRole({ ...role, name: `Narrow ${world.unique()}` });
      const creator = await newCustomer([narrowRole]);
      const link = await share(creator, await newCase());
      expect((await open(link.token)).status).toBe(200);
      const changed = await world.staff('patch', `/v1/portal-roles/${narrowRole}`, {
        scopes: { Case: { read: 'own', stream: 'own', share: 'own' } },
      });
      expect(changed.status).toBe(200);
      await expectDead(link.token);
    });

    it("its creator's support period is over", async () => {
      const creator = await newCustomer();
      const link = await share(creator, await newCase());
      const period = await world.staff('put', `/v1/portal-users/${creator.id}/support-period`, {
        start: '2020-01-01',
        end: '2020-12-31',
      });
      expect(period.status).toBeLessThan(300);
      await expectDead(link.token);
    });
  });

  it("projects the fields at view time: a field the creator's roles hide after sharing is gone", async () => {
    const fieldRole = await world.createRole({ ...role, name: `Fields ${world.unique()}` });
    const creator = await newCustomer([fieldRole]);
    const link = await share(creator, await newCase({ description: 'Smoke everywhere' }));
    expect((await open(link.token)).json.record).toMatchObject({
      priority: 'High',
      description: 'Smoke everywhere',
    });
    const changed = await world.staff('patch', `/v1/portal-roles/${fieldRole}`, {
      fields: { Case: { internalNotes: { read: 'no' }, priority: { read: 'no' } } },
    });
    expect(changed.status).toBe(200);
    const after = await open(link.token);
    expect(after.status).toBe(200);
    expect(after.json.record).not.toHaveProperty('priority');
    expect(after.json.record).toMatchObject({ description: 'Smoke everywhere' });
  });

  it('includes comments and attachments only when asked', async () => {
    const caseId = await newCase();
    await world.staff('post', `/v1/records/Case/${caseId}/stream`, { text: 'Public update' });
    const without = await share(customer, caseId);
    const res = await open(without.token);
    expect(res.json).toMatchObject({ comments: [], includeComments: false, includeAttachments: false });
    const withBoth = await share(customer, caseId, { includeComments: true, includeAttachments: true });
    const both = await open(withBoth.token);
    expect(both.json.comments.map((c: any) => c.text)).toEqual(['Public update']);
    expect(both.json.includeAttachments).toBe(true);
  });

  describe('files through the link', () => {
    let caseId: string;
    let shown: string;
    let internal: string;
    let ofPublicComment: string;
    let ofInternalComment: string;

    beforeAll(async () => {
      caseId = await newCase();
      shown = await attach(caseId, 'Quote für Sam.pdf');
      internal = await attach(caseId, 'margin.pdf', true);
      ofPublicComment = await attach(caseId, 'photo.pdf');
      ofInternalComment = await attach(caseId, 'notes.pdf');
      await commentWithFiles(caseId, false, [ofPublicComment]);
      await commentWithFiles(caseId, true, [ofInternalComment]);
      await world.sync();
    });

    it('lists and serves the files its creator may read only when the link includes them', async () => {
      const without = await share(customer, caseId, { includeComments: true });
      expect((await open(without.token)).json.attachments).toEqual([]);
      await expectNoDownload(without.token, shown);

      const files = await share(customer, caseId, { includeAttachments: true });
      const listed = (await open(files.token)).json.attachments;
      // A comment's file belongs to the conversation: not without the comments.
      expect(listed).toEqual([
        { id: shown, name: 'Quote für Sam.pdf', size: PDF.length, contentType: 'application/pdf' },
      ]);
      await expectNoDownload(files.token, ofPublicComment);

      const both = await share(customer, caseId, { includeAttachments: true, includeComments: true });
      expect((await open(both.token)).json.attachments.map((file: any) => file.id)).toEqual([
        shown,
        ofPublicComment,
      ]);
      expect((await download(both.token, ofPublicComment)).status).toBe(200);
    });

    it("never lists nor serves an internal file or an internal comment's, for portal or staff links", async () => {
      const portalLink = await share(customer, caseId, { includeAttachments: true, includeComments: true });
      const staffLink = await world.staff('post', `/v1/records/Case/${caseId}/share-links`, {
        includeAttachments: true,
        includeComments: true,
      });
      for (const token of [portalLink.token, staffLink.json.token as string]) {
        const ids = (await open(token)).json.attachments.map((file: any) => file.id);
        expect(ids).toEqual([shown, ofPublicComment]);
        await expectNoDownload(token, internal);
        await expectNoDownload(token, ofInternalComment);
        // A file of another record, and an id that is no file at all, are the same 404.
        await expectNoDownload(token, randomUUID());
        await expectNoDownload(token, 'not-a-uuid');
      }
    });

    it('serves the bytes as uploaded, as an attachment, with ETag and Range; a download is no view', async () => {
      const link = await share(customer, caseId, { includeAttachments: true });
      expect((await open(link.token)).status).toBe(200);
      const file = await download(link.token, shown);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(PDF)).toBe(true);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('cache-control')).toBe('no-store');
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="Quote f_r Sam.pdf"; filename*=UTF-8''Quote%20f%C3%BCr%20Sam.pdf`,
      );
      const etag = file.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect((await download(link.token, shown, { 'if-none-match': etag })).status).toBe(304);
      const range = await download(link.token, shown, { range: 'bytes=1-4' });
      expect([range.status, range.bytes.toString('latin1'), range.headers.get('content-range')]).toEqual([
        206,
        'PDF-',
        `bytes 1-4/${PDF.length}`,
      ]);
      const mine = await asUser(customer, 'get', `/records/Case/${caseId}/share-links`);
      expect(mine.json.items.find((item: any) => item.id === link.id).views).toBe(1);
    });

    it('serves nothing through a dead link', async () => {
      const link = await share(customer, caseId, { includeAttachments: true });
      expect((await download(link.token, shown)).status).toBe(200);
      const revoked = await asUser(customer, 'delete', `/records/Case/${caseId}/share-links/${link.id}`);
      expect(revoked.status).toBe(204);
      await expectNoDownload(link.token, shown);
      await expectNoDownload('no-such-token-' + 'z'.repeat(30), shown);
    });
  });

  it('refuses a portal user without `share` (403) and a record they cannot read (404)', async () => {
    const readOnly = await world.createRole({
      name: `Read only ${world.unique()}`,
      scopes: { Case: { read: 'account', stream: 'account' } },
    });
    const reader = await newCustomer([readOnly]);
    const caseId = await newCase();
    const refused = await asUser(reader, 'post', `/records/Case/${caseId}/share-links`, {});
    expect(refused.status).toBe(403);
    expect(refused.json.type).toContain('record_share_forbidden');
    const otherAccount = await world.createRecord('Account', { name: 'Globex' });
    const foreign = await newCase({ accountId: otherAccount });
    expect((await asUser(customer, 'post', `/records/Case/${foreign}/share-links`, {})).status).toBe(404);
  });

  it("keeps expiry within the portal's shareLinkMaxDays and 90 days for staff (422)", async () => {
    const caseId = await newCase();
    const far = new Date(Date.now() + 31 * 86_400_000).toISOString();
    const tooLong = await asUser(customer, 'post', `/records/Case/${caseId}/share-links`, { expiresAt: far });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.errors).toEqual([{ path: 'expiresAt', message: 'must be at most 30 days from now' }]);
    const staffOk = await world.staff('post', `/v1/records/Case/${caseId}/share-links`, { expiresAt: far });
    expect(staffOk.status).toBe(201);
    const tooFar = new Date(Date.now() + 91 * 86_400_000).toISOString();
    const staffTooLong = await world.staff('post', `/v1/records/Case/${caseId}/share-links`, {
      expiresAt: tooFar,
    });
    expect(staffTooLong.status).toBe(422);
    const bad = await asUser(customer, 'post', `/records/Case/${caseId}/share-links`, { expiresAt: 42 });
    expect(bad.status).toBe(400);
  });

  it('lets staff share (never an internal record) and revoke any link of a record', async () => {
    const agent = await world.createStaffUser('agent');
    const caseId = await newCase();
    const made = await world.call('post', `/v1/records/Case/${caseId}/share-links`, agent.token, {
      includeComments: true,
    });
    expect(made.status).toBe(201);
    const seen = await open(made.json.token);
    expect(seen.status).toBe(200);
    expect(seen.json.sharedFrom).toBeNull();
    expect(seen.json.record).toMatchObject({ internalNotes: 'customer is difficult' });
    expect(seen.json.record).not.toHaveProperty('isInternal');

    const internal = await newCase({ isInternal: true });
    const refused = await world.call('post', `/v1/records/Case/${internal}/share-links`, agent.token, {});
    expect(refused.status).toBe(422);

    const portalLink = await share(customer, caseId);
    const revoked = await world.staff('delete', `/v1/records/Case/${caseId}/share-links/${portalLink.id}`);
    expect(revoked.status).toBe(204);
    await expectDead(portalLink.token);
    // A portal user cannot revoke someone else's link: it is not theirs to know.
    const other = await asUser(customer, 'delete', `/records/Case/${caseId}/share-links/${made.json.id}`);
    expect(other.status).toBe(404);
  });

  it('shows the link events in the audit log and the portal export with the token hash redacted', async () => {
    const caseId = await newCase();
    const link = await share(customer, caseId);
    await open(link.token);
    await asUser(customer, 'delete', `/records/Case/${caseId}/share-links/${link.id}`);
    const audit = await world.staff('get', `/v1/audit/events?stream=shareLink-${link.id}`);
    expect(audit.status).toBe(200);
    expect(audit.json.items.map((e: any) => e.type)).toEqual([
      'ShareLinkCreated',
      'ShareLinkFirstOpened',
      'ShareLinkRevoked',
    ]);
    const text = JSON.stringify(audit.json);
    expect(text).not.toContain(link.token);
    expect(text).not.toContain(hashToken(link.token));
    // The portal's export holds the links made in it, secrets redacted the same way.
    const exported = await world.staff('get', `/v1/audit/portals/${portal.id}/export`);
    expect(exported.status).toBe(200);
    const lines = exported.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const linkTypes = lines.filter((e: any) => e.stream === `shareLink-${link.id}`).map((e: any) => e.type);
    expect(linkTypes).toEqual(['ShareLinkCreated', 'ShareLinkFirstOpened', 'ShareLinkRevoked']);
    expect(exported.text).not.toContain(link.token);
    expect(exported.text).not.toContain(hashToken(link.token));
    // And the record's history tells when the link was made, first opened and revoked.
    const history = await world.staff('get', `/v1/records/Case/${caseId}/history`);
    const linkEntries = history.json.filter((e: any) => e.shareLinkId === link.id);
    expect(linkEntries.map((e: any) => e.event)).toEqual([
      'ShareLinkCreated',
      'ShareLinkFirstOpened',
      'ShareLinkRevoked',
    ]);
    expect(JSON.stringify(history.json)).not.toContain(hashToken(link.token));
  });
});

describe('share links: guessing tokens', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('limits dead or unknown tokens per address (429 with Retry-After past 30 a minute)', async () => {
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await app.http.get(`/v1/shared/guess-${i}-${'y'.repeat(30)}`));
    expect(answers.slice(0, 30).every((res) => res.status === 404)).toBe(true);
    expect(answers[30].status).toBe(429);
    expect(Number(answers[30].headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
