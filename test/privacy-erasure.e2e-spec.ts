import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServiceLogger } from '@portal/platform';
import { PersonalDataEventStore } from '@portal/event-store';
import { projectorReadModelCheck } from '../apps/audit/src/read-model-check';
import { runAuditVerify } from '../apps/audit/src/audit-verify';
import { KnownEventTypes } from '../apps/audit/src/known-event-types';
import { createUpcasterRegistry } from '@portal/runtime';
import { startTestApp, type TestApp } from './support';
import { CUSTOMER_PASSWORD, PortalWorld } from './portal-world';
import { zipEntries } from './support/zip-entries';

jest.setTimeout(240_000);

/** Everything a store holds, as one string to search. */
async function dumpReadStore(app: TestApp): Promise<string> {
  const out: unknown[] = [];
  for (const collection of await app.readStore.listCollections()) {
    out.push(collection, (await app.readStore.find(collection, {})).items);
  }
  return JSON.stringify(out);
}

async function dumpEventStore(app: TestApp): Promise<string> {
  const stored = (app.eventStore as PersonalDataEventStore).stored;
  return JSON.stringify(await stored.readAll());
}

/** Every file under DATA_DIR/blobs (the embedded blob store), concatenated. */
async function dumpBlobStore(app: TestApp): Promise<string> {
  const root = join(app.config.dataDir, 'blobs');
  const files = await readdir(root, { recursive: true, withFileTypes: true });
  const bytes = await Promise.all(
    files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name))),
  );
  return Buffer.concat(bytes).toString('latin1');
}

/** A small PDF (the upload allow-list sniffs the type) carrying `text` in its bytes. */
function pdfHolding(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n${' '.repeat(400)}\n%%EOF\n`, 'latin1');
}

async function upload(app: TestApp, path: string, token: string, bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, text: await res.text() };
}

describe('erasure of a data subject (crypto-shredding)', () => {
  const lines: string[] = [];
  let app: TestApp;
  let world: PortalWorld;

  beforeAll(async () => {
    const log = createServiceLogger({
      level: 'debug',
      destination: { write: (line: string) => lines.push(line) },
    });
    // The mailer runs so that the export has emails sent to the subject (their invitation).
    app = await startTestApp({ log, mailer: true });
    world = await PortalWorld.start(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('forgets name, email and what they wrote in the log, the read models and the logs; audit and rebuild agree', async () => {
    const u = world.unique().replace(/-/g, '');
    const person = { firstName: `Zebulon${u}`, lastName: `Quixote${u}`, email: `zeb.${u}@customer.example` };
    const freeText = {
      name: `Toaster fire ${u}`,
      description: `It burnt my kitchen ${u}`,
      comment: `Still smoking ${u}`,
      // What they write on the other person's case: an edit in the middle of its history, a comment.
      edit: `Also the toaster next door ${u}`,
      foreignComment: `Same here, neighbour ${u}`,
    };
    const other = {
      firstName: `Otherperson${u}`,
      lastName: `Keeper${u}`,
      email: `other.${u}@customer.example`,
    };

    const accountId = await world.createRecord('Account', { name: `Account ${u}` });
    const contactId = await world.createRecord('Contact', { ...person, phone: '+49 30 1234567', accountId });
    const otherId = await world.createRecord('Contact', { ...other, accountId });
    const roleId = await world.createRole({
      name: `Cases ${u}`,
      scopes: { Case: { create: 'yes', read: 'account', edit: 'account', delete: 'no', stream: 'account' } },
    });
    const portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    const user = await world.createPortalUser(contactId, portal);
    const keeper = await world.createPortalUser(otherId, portal);
    const created = await world.call('post', `/v1/portals/${portal.slug}/records/Case`, user.token, {
      name: freeText.name,
      description: freeText.description,
    });
    expect(created.status).toBe(201);
    const caseId = created.json.id as string;
    const commented = await world.call(
      'post',
      `/v1/portals/${portal.slug}/records/Case/${caseId}/stream`,
      user.token,
      { text: freeText.comment },
    );
    expect(commented.status).toBe(201);
    // Files: one only they uploaded, one they and the other person both uploaded (one shared
    // content-addressed blob), and the other person's own.
    const files = {
      theirs: pdfHolding(`Scan of my passport ${u}`),
      shared: pdfHolding(`The public price list ${u}`),
      keepers: pdfHolding(`Keeper's own contract ${u}`),
    };
    const keeperCase = await world.call('post', `/v1/portals/${portal.slug}/records/Case`, keeper.token, {
      name: `Keeper case ${u}`,
    });
    expect(keeperCase.status).toBe(201);
    // On the other person's case: they edit its description, comment, then the other person edits it
    // last (so they are neither its creator nor its last modifier).
    const keeperCaseId = keeperCase.json.id as string;
    await world.sync();
    const keeperCasePath = `/v1/portals/${portal.slug}/records/Case/${keeperCaseId}`;
    const edited = await world.call('patch', keeperCasePath, user.token, { description: freeText.edit });
    expect(edited.status).toBe(200);
    const onTheirs = await world.call('post', `${keeperCasePath}/stream`, user.token, {
      text: freeText.foreignComment,
    });
    expect(onTheirs.status).toBe(201);
    const renamed = await world.call('patch', keeperCasePath, keeper.token, {
      name: `Keeper case renamed ${u}`,
    });
    expect(renamed.status).toBe(200);
    const caseFiles = `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments`;
    const keeperFiles = `/v1/portals/${portal.slug}/records/Case/${keeperCase.json.id as string}/attachments`;
    for (const [path, token, bytes, name] of [
      [caseFiles, user.token, files.theirs, `passport-${person.lastName}.pdf`],
      [caseFiles, user.token, files.shared, 'prices.pdf'],
      [keeperFiles, keeper.token, files.shared, 'prices.pdf'],
      [keeperFiles, keeper.token, files.keepers, 'contract.pdf'],
    ] as const) {
      const res = await upload(app, path, token, bytes, name);
      if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${res.text}`);
    }
    await world.sync();
    expect(await dumpBlobStore(app)).toContain(`Scan of my passport ${u}`);

    // Before: the read models show the person, the stored log does not (it is encrypted).
    expect(await dumpReadStore(app)).toContain(person.email);
    const before = await dumpEventStore(app);
    for (const secret of [person.email, person.lastName, freeText.description, freeText.comment]) {
      expect(before).not.toContain(secret);
    }

    const refused = await world.staff('post', `/v1/data-subjects/${contactId}/erase`, {});
    expect(refused.status).toBe(400);
    const erased = await world.staff('post', `/v1/data-subjects/${contactId}/erase`, {
      reason: 'ticket GDPR-42',
    });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({
      subjectId: contactId,
      contactId,
      portalUserIds: [user.id],
      deletedFiles: 1,
    });
    const again = await world.staff('post', `/v1/data-subjects/${contactId}/erase`, {
      reason: 'ticket GDPR-42',
    });
    expect(again.status).toBe(200);
    await world.sync();

    // Their session is over; the other person's is not.
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, user.token)).status).toBe(401);
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, keeper.token)).status).toBe(200);

    // Every read path shows "[erased]".
    const contact = await world.staff('get', `/v1/records/Contact/${contactId}`);
    expect(contact.json.fields ?? contact.json).toMatchObject({ firstName: '[erased]', email: '[erased]' });
    const theCase = await world.staff('get', `/v1/records/Case/${caseId}`);
    expect(JSON.stringify(theCase.json)).toContain('[erased]');
    // On the other person's case exactly their value reads "[erased]", at once (no rebuild).
    const theirCase = await world.staff('get', `/v1/records/Case/${keeperCaseId}`);
    expect(theirCase.json.fields ?? theirCase.json).toMatchObject({
      name: `Keeper case renamed ${u}`,
      description: '[erased]',
    });
    const history = await world.staff('get', `/v1/records/Case/${caseId}/history`);
    expect(JSON.stringify(history.json)).not.toContain(freeText.name);
    const audit = await world.staff('get', `/v1/audit/events?stream=dataSubject-${contactId}`);
    expect(audit.json.items).toEqual([
      expect.objectContaining({
        type: 'DataSubjectErased',
        actor: expect.objectContaining({ type: 'staff' }),
      }),
    ]);

    const secrets = [
      person.firstName,
      person.lastName,
      person.email,
      freeText.name,
      freeText.description,
      freeText.comment,
      freeText.edit,
      freeText.foreignComment,
      `Scan of my passport ${u}`,
    ];
    const dumps = {
      events: await dumpEventStore(app),
      readStore: await dumpReadStore(app),
      blobs: await dumpBlobStore(app),
      logs: lines.join('\n'),
    };
    for (const [where, dump] of Object.entries(dumps)) {
      for (const secret of secrets) {
        if (dump.toLowerCase().includes(secret.toLowerCase()))
          throw new Error(`${where} still holds ${secret}`);
      }
    }
    // The dumps are real: the other person is still there, with what they wrote.
    expect(dumps.readStore).toContain(other.email);
    expect(dumps.readStore).toContain(`Keeper case renamed ${u}`);
    // Blobs another person's file holds stay: their own, and the one both uploaded.
    expect(dumps.blobs).toContain(`Keeper's own contract ${u}`);
    expect(dumps.blobs).toContain(`The public price list ${u}`);

    const findings = await runAuditVerify({
      eventStore: app.eventStore,
      known: new KnownEventTypes(createUpcasterRegistry()),
      readModels: projectorReadModelCheck(app.eventStore, app.readStore),
      progressOut: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
      log: () => undefined,
    });
    expect(findings).toEqual([]);

    await app.projector.rebuild();
    const rebuilt = await world.staff('get', `/v1/records/Contact/${contactId}`);
    expect(rebuilt.json.fields ?? rebuilt.json).toMatchObject({
      firstName: '[erased]',
      lastName: '[erased]',
    });
    const rebuiltDump = await dumpReadStore(app);
    for (const secret of secrets) expect(rebuiltDump).not.toContain(secret);
    expect(rebuiltDump).toContain(other.email);
  });

  it("exports a subject's data, complete and with nothing of other people, as JSON and as a zip", async () => {
    const u = world.unique().replace(/-/g, '');
    const person = { firstName: `Ada${u}`, lastName: `Export${u}`, email: `ada.${u}@customer.example` };
    const other = { firstName: `Bert${u}`, lastName: `Elsewhere${u}`, email: `bert.${u}@customer.example` };
    const accountId = await world.createRecord('Account', { name: `Export account ${u}` });
    const contactId = await world.createRecord('Contact', { ...person, phone: '+49 30 555', accountId });
    const otherId = await world.createRecord('Contact', { ...other, accountId });
    const roleId = await world.createRole({
      name: `Export cases ${u}`,
      scopes: { Case: { create: 'yes', read: 'account', edit: 'account', delete: 'no', stream: 'account' } },
    });
    // The portal asks for consent to its terms: accepting the invitation gives it (the consents list).
    const terms = { consentVersion: '2026-1', consentUrl: 'https://example.com/terms/2026-1' };
    const portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'], settings: terms });
    const user = await world.createPortalUser(contactId, portal, [], { consentVersion: '2026-1' });
    const bert = await world.createPortalUser(otherId, portal, [], { consentVersion: '2026-1' });
    // A failed and a good sign-in of theirs (login history).
    const login = (password: string) =>
      world.call('post', `/v1/portals/${portal.slug}/auth/login`, '', { email: person.email, password });
    expect((await login('wrong-password-1!')).status).toBe(401);
    expect((await login(CUSTOMER_PASSWORD)).status).toBe(200);

    const mine = { name: `My router ${u}`, description: `Blinks red ${u}`, comment: `Still blinking ${u}` };
    const created = await world.call('post', `/v1/portals/${portal.slug}/records/Case`, user.token, {
      name: mine.name,
      description: mine.description,
    });
    expect(created.status).toBe(201);
    const caseId = created.json.id as string;
    const stream = `/v1/portals/${portal.slug}/records/Case/${caseId}/stream`;
    expect((await world.call('post', stream, user.token, { text: mine.comment })).status).toBe(201);
    // Other people on their case: a second customer and staff (a public reply and an internal note).
    const theirs = {
      comment: `Bert says hello ${u}`,
      staff: `Staff reply ${u}`,
      internal: `Internal note ${u}`,
    };
    expect((await world.call('post', stream, bert.token, { text: theirs.comment })).status).toBe(201);
    await world.sync();
    const staffStream = `/v1/records/Case/${caseId}/stream`;
    expect((await world.staff('post', staffStream, { text: theirs.staff })).status).toBe(201);
    expect((await world.staff('post', staffStream, { text: theirs.internal, isInternal: true })).status).toBe(
      201,
    );
    // Bert's case: Ada edits its description in the middle of its history, Bert edits it last. Ada's
    // edit (with its time) is hers; Bert's words on it, before and after, are not.
    const bertsCase = {
      name: `Bert's printer ${u}`,
      description: `Bert's paper jam ${u}`,
      adaEdit: `Ada adds: tray 2 ${u}`,
      rename: `Bert's printer again ${u}`,
    };
    const bertCreated = await world.call('post', `/v1/portals/${portal.slug}/records/Case`, bert.token, {
      name: bertsCase.name,
      description: bertsCase.description,
    });
    expect(bertCreated.status).toBe(201);
    const bertCaseId = bertCreated.json.id as string;
    await world.sync();
    const bertCasePath = `/v1/portals/${portal.slug}/records/Case/${bertCaseId}`;
    expect(
      (await world.call('patch', bertCasePath, user.token, { description: bertsCase.adaEdit })).status,
    ).toBe(200);
    expect((await world.call('patch', bertCasePath, bert.token, { name: bertsCase.rename })).status).toBe(
      200,
    );
    const files = `/v1/portals/${portal.slug}/records/Case/${caseId}/attachments`;
    const myFile = pdfHolding(`Ada's invoice ${u}`);
    const bertsFile = pdfHolding(`Bert's photo ${u}`);
    expect((await upload(app, files, user.token, myFile, `invoice-${u}.pdf`)).status).toBe(201);
    expect((await upload(app, files, bert.token, bertsFile, `bert-${u}.pdf`)).status).toBe(201);
    await world.sync();

    // The invitation email goes out through the mailer (a job in Redis): wait for its delivery.
    let res = await world.staff('get', `/v1/data-subjects/${contactId}/export`);
    for (
      let tries = 0;
      res.status === 200 && (res.json.emails as unknown[]).length === 0 && tries < 60;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      res = await world.staff('get', `/v1/data-subjects/${contactId}/export`);
    }
    expect(res.status).toBe(200);
    const doc = res.json as Record<string, unknown[] | Record<string, unknown>>;
    expect(doc.subject).toEqual({ id: contactId, contactId, portalUserIds: [user.id] });
    expect(doc.contact).toMatchObject({ id: contactId, fields: { ...person, phone: '+49 30 555' } });
    expect(doc.portalUsers).toEqual([expect.objectContaining({ id: user.id, email: person.email })]);
    expect(doc.records).toEqual([
      expect.objectContaining({
        id: caseId,
        written: [expect.objectContaining({ fields: { name: mine.name, description: mine.description } })],
      }),
      expect.objectContaining({
        id: bertCaseId,
        written: [
          expect.objectContaining({ event: 'RecordUpdated', fields: { description: bertsCase.adaEdit } }),
        ],
      }),
    ]);
    expect(doc.comments).toEqual([expect.objectContaining({ recordId: caseId, text: mine.comment })]);
    expect(doc.files).toEqual([expect.objectContaining({ name: `invoice-${u}.pdf`, size: myFile.length })]);
    const kinds = (doc.loginHistory as { kind: string; at: string }[]).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['login', 'login_failed']));
    expect(doc.emails).toEqual(
      expect.arrayContaining([expect.objectContaining({ to: person.email, status: 'delivered' })]),
    );
    expect(doc.consents).toEqual([
      expect.objectContaining({
        portalUserId: user.id,
        event: 'ConsentGiven',
        portalId: portal.id,
        version: '2026-1',
      }),
    ]);
    for (const list of ['consents', 'records', 'comments', 'files', 'loginHistory', 'emails'] as const) {
      for (const item of doc[list] as Record<string, unknown>[]) {
        expect(typeof (item.at ?? item.createdAt)).toBe('string');
      }
    }
    const nothingOfOthers = (text: string) => {
      for (const foreign of [
        other.firstName,
        other.lastName,
        other.email,
        theirs.comment,
        theirs.staff,
        theirs.internal,
        `bert-${u}.pdf`,
        `Bert's photo ${u}`,
        bertsCase.name,
        bertsCase.description,
        bertsCase.rename,
      ])
        expect(text).not.toContain(foreign);
    };
    nothingOfOthers(res.text);

    // The zip: the same document as data.json, and their file's bytes (not Bert's).
    const zipped = await fetch(`${app.baseUrl}/v1/data-subjects/${contactId}/export?format=zip`, {
      headers: { authorization: `Bearer ${await app.adminToken()}` },
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-type')).toBe('application/zip');
    const entries = zipEntries(Buffer.from(await zipped.arrayBuffer()));
    const data = JSON.parse(entries.get('data.json')!.toString('utf8')) as typeof doc;
    expect({ ...data, exportedAt: null }).toEqual({ ...doc, exportedAt: null });
    const zipPath = (doc.files as { zipPath: string }[])[0].zipPath;
    expect(entries.get(zipPath)?.equals(myFile)).toBe(true);
    expect([...entries.keys()].sort()).toEqual(['data.json', zipPath].sort());
    nothingOfOthers([...entries.values()].map((b) => b.toString('latin1')).join('\n'));

    // The portal user gets exactly the same, for themselves only; Bert gets Bert's.
    const own = await world.call('get', `/v1/portals/${portal.slug}/me/data-export`, user.token);
    expect(own.status).toBe(200);
    expect({ ...own.json, exportedAt: null }).toEqual({ ...doc, exportedAt: null });
    const berts = await world.call('get', `/v1/portals/${portal.slug}/me/data-export`, bert.token);
    expect(berts.json.subject).toEqual({ id: otherId, contactId: otherId, portalUserIds: [bert.id] });
    expect(berts.text).toContain(theirs.comment);
    expect(berts.text).toContain(bertsCase.rename);
    for (const mineOnly of [person.email, person.lastName, mine.comment, mine.description, bertsCase.adaEdit])
      expect(berts.text).not.toContain(mineOnly);
    // No way to name someone else: the admin route refuses a portal token, another portal's path refuses the token.
    expect((await world.call('get', `/v1/data-subjects/${otherId}/export`, user.token)).status).toBe(401);
    const elsewhere = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    expect((await world.call('get', `/v1/portals/${elsewhere.slug}/me/data-export`, user.token)).status).toBe(
      401,
    );
    const badFormat = await world.call(
      'get',
      `/v1/portals/${portal.slug}/me/data-export?format=xml`,
      user.token,
    );
    expect(badFormat.status).toBe(400);
    const unknown = await world.staff('get', '/v1/data-subjects/8a0c7b9e-8f51-4c38-9d36-0f2a4ad0d7e1/export');
    expect(unknown.status).toBe(404);
  });

  it('a portal user asks to be erased: one request at a time; refused erases nothing, approved erases them', async () => {
    const u = world.unique().replace(/-/g, '');
    const person = { firstName: `Cleo${u}`, lastName: `Leaving${u}`, email: `cleo.${u}@customer.example` };
    const accountId = await world.createRecord('Account', { name: `Leaving account ${u}` });
    const contactId = await world.createRecord('Contact', { ...person, accountId });
    const roleId = await world.createRole({
      name: `Leaving ${u}`,
      scopes: { Case: { create: 'yes', read: 'own' } },
    });
    const portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    const user = await world.createPortalUser(contactId, portal);
    const mine = `/v1/portals/${portal.slug}/me/erasure-request`;
    const login = () =>
      world.call('post', `/v1/portals/${portal.slug}/auth/login`, '', {
        email: person.email,
        password: CUSTOMER_PASSWORD,
      });

    expect((await world.call('get', mine, user.token)).status).toBe(404);
    const first = await world.call('post', mine, user.token, { reason: `Moving abroad ${u}` });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ subjectId: contactId, portalUserId: user.id, status: 'pending' });
    const again = await world.call('post', mine, user.token, {});
    expect(again.status).toBe(409);
    expect(again.json.type).toContain('erasure_request_pending');
    const pending = await world.staff('get', '/v1/erasure-requests?status=pending');
    expect(pending.json.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: first.json.id, reason: `Moving abroad ${u}` })]),
    );
    // The event holds ids only: the reason is stored encrypted.
    const stored = JSON.stringify(
      await (app.eventStore as PersonalDataEventStore).stored.readStream(`dataSubject-${contactId}`),
    );
    expect(stored).not.toContain(`Moving abroad ${u}`);

    const refused = await world.staff('post', `/v1/erasure-requests/${first.json.id}/refuse`, {
      reason: 'Open invoice until June',
    });
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ status: 'refused', refusalReason: 'Open invoice until June' });
    await world.sync();
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, user.token)).status).toBe(200);
    const kept = await world.staff('get', `/v1/records/Contact/${contactId}`);
    expect(kept.json.fields ?? kept.json).toMatchObject(person);
    expect((await world.call('get', mine, user.token)).json).toMatchObject({
      status: 'refused',
      refusalReason: 'Open invoice until June',
    });
    expect((await world.staff('post', `/v1/erasure-requests/${first.json.id}/approve`)).status).toBe(409);

    const second = await world.call('post', mine, user.token, {});
    expect(second.status).toBe(201);
    const approved = await world.staff('post', `/v1/erasure-requests/${second.json.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved' });
    await world.sync();
    expect((await login()).status).toBe(401);
    const gone = await world.staff('get', `/v1/records/Contact/${contactId}`);
    expect(gone.json.fields ?? gone.json).toMatchObject({
      firstName: '[erased]',
      lastName: '[erased]',
      email: '[erased]',
    });
    const all = await world.staff('get', '/v1/erasure-requests');
    expect(all.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: first.json.id, status: 'refused', reason: '[erased]' }),
        expect.objectContaining({ id: second.json.id, status: 'approved' }),
      ]),
    );
    const audit = await world.staff('get', `/v1/audit/events?stream=dataSubject-${contactId}`);
    expect((audit.json.items as { type: string }[]).map((e) => e.type)).toEqual([
      'ErasureRequested',
      'ErasureRequestRefused',
      'ErasureRequested',
      'ErasureRequestApproved',
      'DataSubjectErased',
    ]);
    const agent = await world.createStaffUser('agent');
    expect((await world.call('get', '/v1/erasure-requests', agent.token)).status).toBe(403);
  });

  it('an admin erasing a subject directly approves the request of theirs still pending', async () => {
    const u = world.unique().replace(/-/g, '');
    const person = { firstName: `Dora${u}`, lastName: `Direct${u}`, email: `dora.${u}@customer.example` };
    const accountId = await world.createRecord('Account', { name: `Direct account ${u}` });
    const contactId = await world.createRecord('Contact', { ...person, accountId });
    const roleId = await world.createRole({
      name: `Direct ${u}`,
      scopes: { Case: { create: 'yes', read: 'own' } },
    });
    const portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    const user = await world.createPortalUser(contactId, portal);
    const asked = await world.call('post', `/v1/portals/${portal.slug}/me/erasure-request`, user.token, {
      reason: `Please forget me ${u}`,
    });
    expect(asked.status).toBe(201);

    const erased = await world.staff('post', `/v1/data-subjects/${contactId}/erase`, { reason: 'ticket 7' });
    expect(erased.status).toBe(200);
    const pending = await world.staff('get', '/v1/erasure-requests?status=pending');
    expect((pending.json.items as { id: string }[]).map((r) => r.id)).not.toContain(asked.json.id);
    const all = await world.staff('get', '/v1/erasure-requests');
    expect(all.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: asked.json.id, status: 'approved', reason: '[erased]' }),
      ]),
    );
    // Deciding it now is too late; the log tells the erasure answered it.
    expect((await world.staff('post', `/v1/erasure-requests/${asked.json.id}/approve`)).status).toBe(409);
    const audit = await world.staff('get', `/v1/audit/events?stream=dataSubject-${contactId}`);
    expect(audit.json.items).toEqual([
      expect.objectContaining({ type: 'ErasureRequested' }),
      expect.objectContaining({
        type: 'ErasureRequestApproved',
        actor: expect.objectContaining({ type: 'staff' }),
      }),
      expect.objectContaining({ type: 'DataSubjectErased' }),
    ]);
  });

  it('answers 404 for an id that is no data subject, and refuses agents', async () => {
    const unknown = await world.staff(
      'post',
      '/v1/data-subjects/8a0c7b9e-8f51-4c38-9d36-0f2a4ad0d7e1/erase',
      {
        reason: 'x',
      },
    );
    expect(unknown.status).toBe(404);
    const agent = await world.createStaffUser('agent');
    const refused = await world.call(
      'post',
      '/v1/data-subjects/8a0c7b9e-8f51-4c38-9d36-0f2a4ad0d7e1/erase',
      agent.token,
      {
        reason: 'x',
      },
    );
    expect(refused.status).toBe(403);
  });
});
