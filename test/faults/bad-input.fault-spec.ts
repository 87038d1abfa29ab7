/* eslint-disable @typescript-eslint/no-explicit-any -- OpenAPI and answers are read as loose JSON */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { PortalWorld } from '../portal-world';
import { startTestApp, type TestApp } from '../support';

// Thousands of malformed requests over every command endpoint the OpenAPI document lists (every
// POST/PUT/PATCH/DELETE with a JSON body): wrong types, unknown fields, broken JSON, huge bodies,
// odd unicode, NUL and lone surrogates, prototype names, huge numbers, deep nesting (with an
// Idempotency-Key), form-encoded bodies; and hostile list queries on every GET. The contract: a
// 4xx problem, never a 5xx, and not one event appended.
const RUNS_PER_ENDPOINT = Number(process.env.FAULT_RUNS ?? 60);
const HUGE = 1024 * 1024 + 512;

interface Endpoint {
  method: string;
  path: string;
  properties: Record<string, any>;
}

interface BadRequest {
  kind: string;
  body: string | Buffer;
  contentType: string;
  headers?: Record<string, string>;
}

/** Names every object inherits: an allow-list checked with `in` takes them for its own. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toString', 'prototype'];

/** Strings PostgreSQL refuses in text and jsonb. */
const UNSTORABLE = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800');

/** A JSON text nested `depth` deep, written by hand (JSON.stringify itself recurses). */
function nestedJson(depth: number, open: '[' | '{"a":'): string {
  const close = open === '[' ? ']' : '}';
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

function wrongValueFor(schema: any): fc.Arbitrary<unknown> {
  const type = schema?.type;
  if (type === 'string')
    return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object());
  if (type === 'number' || type === 'integer') return fc.oneof(fc.string(), fc.boolean(), fc.object());
  if (type === 'boolean') return fc.oneof(fc.string(), fc.integer(), fc.array(fc.boolean()));
  if (type === 'array') return fc.oneof(fc.string(), fc.integer(), fc.object());
  return fc.oneof(fc.integer(), fc.boolean(), fc.string(), fc.constant(null));
}

/** Only requests that cannot be valid: each generator breaks the body in a way no schema accepts. */
function badRequests(endpoint: Endpoint): fc.Arbitrary<BadRequest> {
  const json = 'application/json';
  const typed = Object.entries(endpoint.properties).filter(([, s]) => s && typeof s.type === 'string');
  const kinds: fc.Arbitrary<BadRequest>[] = [
    fc
      .oneof(
        fc.integer(),
        fc.double(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.anything(), { maxLength: 5 }),
      )
      .map((v) => ({ kind: 'not an object', body: JSON.stringify(v), contentType: json })),
    fc
      .tuple(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
        // JSON values only: JSON.stringify drops an undefined value, and with it the unknown field.
        fc.jsonValue(),
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
      )
      .map(([key, value, rest]) => ({
        kind: 'unknown field',
        body: JSON.stringify({ ...rest, [`x-unknown-${key}`]: value }),
        contentType: json,
      })),
    fc
      .tuple(
        fc.constantFrom('{', '[', '{"a":', '{"name": "x",}', "{'name': 1}", '{"a":1}}', 'nul', '"'),
        fc.string({ unit: 'binary', maxLength: 20 }),
      )
      .map(([start, tail]) => ({ kind: 'broken JSON', body: `${start}${tail}`, contentType: json })),
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({
      kind: 'invalid UTF-8',
      body: Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xc3, 0x28, 0xff, ...bytes]),
        Buffer.from('"'),
      ]),
      contentType: json,
    })),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((text) => ({
      kind: 'odd unicode, wrong type',
      body: text,
      contentType: 'text/plain; charset=utf-8',
    })),
    fc
      .tuple(
        fc.constantFrom('name', 'email', 'password', 'text', ...Object.keys(endpoint.properties)),
        UNSTORABLE,
        fc.boolean(),
      )
      .map(([name, bad, inKey]) => ({
        kind: inKey ? 'NUL or lone surrogate in a field name' : `NUL or lone surrogate in ${name}`,
        body: JSON.stringify(inKey ? { [`${name}${bad}`]: 'x' } : { [name]: `value ${bad}` }),
        contentType: json,
      })),
    fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), fc.jsonValue()).map(([name, value]) => ({
      kind: `prototype name ${name}`,
      body: `{${JSON.stringify(name)}:${JSON.stringify({ polluted: value ?? null })}}`,
      contentType: json,
    })),
    fc
      .tuple(
        fc.constantFrom(...Object.keys(endpoint.properties), 'x'),
        fc.constantFrom('1e400', '-1e400', '9007199254740993', '123456789012345678901234567890', '-0.0e-999'),
      )
      .map(([name, number]) => ({
        kind: `huge number in ${name}`,
        body: `{${JSON.stringify(name)}:${number}}`,
        contentType: json,
      })),
    fc
      .tuple(fc.integer({ min: 65, max: 100_000 }), fc.constantFrom<'[' | '{"a":'>('[', '{"a":'))
      .map(([depth, open]) => ({
        kind: 'deep nesting with an Idempotency-Key',
        body: `{"name":${nestedJson(depth, open)}}`,
        contentType: json,
        headers: { 'idempotency-key': `deep-${randomUUID()}` },
      })),
    fc
      .dictionary(fc.constantFrom('email', 'name', 'password', 'token'), fc.string(), { minKeys: 1 })
      .map((fields) => ({
        kind: 'form-encoded',
        body: new URLSearchParams(fields).toString(),
        contentType: 'application/x-www-form-urlencoded',
      })),
    fc.constantFrom('{"name":"', '[').map((start) => ({
      kind: 'huge body',
      body: `${start}${'\u{1F600}'.repeat(HUGE / 4)}`,
      contentType: json,
    })),
  ];
  if (typed.length > 0) {
    kinds.push(
      fc.constantFrom(...typed).chain(([name, schema]) =>
        fc
          .tuple(
            wrongValueFor(schema),
            fc.dictionary(fc.constantFrom(...Object.keys(endpoint.properties)), fc.anything(), {
              maxKeys: 4,
            }),
          )
          .map(([wrong, rest]) => ({
            kind: `wrong type for ${name}`,
            body: JSON.stringify({ ...rest, [name]: wrong }),
            contentType: json,
          })),
      ),
    );
  }
  return fc.oneof(...kinds);
}

function commandEndpoints(openapi: any): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const [path, operations] of Object.entries<any>(openapi.paths)) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const body = operation.requestBody?.content?.['application/json']?.schema;
      if (!body) continue;
      const schema = body.$ref ? openapi.components.schemas[body.$ref.split('/').pop()] : body;
      endpoints.push({ method: method.toUpperCase(), path, properties: schema?.properties ?? {} });
    }
  }
  return endpoints;
}

describe('malformed requests on every command endpoint', () => {
  let app: TestApp;
  let world: PortalWorld;
  let adminToken: string;
  let portal: { id: string; slug: string };
  let customerToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await PortalWorld.start(app);
    adminToken = world.adminToken;
    const accountId = await world.createRecord('Account', { name: 'Fuzz Co' });
    const contactId = await world.createRecord('Contact', {
      lastName: 'Fuzz',
      email: `fuzz-${world.unique()}@fuzz.test`,
      accountId,
    });
    const roleId = await world.createRole({
      name: 'Fuzzers',
      scopes: { Case: { create: 'yes', read: 'account', edit: 'own', delete: 'no', stream: 'account' } },
    });
    portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    customerToken = (await world.createPortalUser(contactId, portal)).token;
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it('answers 4xx problems and appends nothing', async () => {
    const openapi = (await app.http.get('/docs/openapi.json')).json;
    const endpoints = commandEndpoints(openapi);
    expect(endpoints.length).toBeGreaterThan(10);
    const head = await app.eventStore.headPosition();
    const failures: string[] = [];
    let sent = 0;
    for (const endpoint of endpoints) {
      const url = endpoint.path
        .replace('{slug}', portal.slug)
        .replace('{entityType}', 'Case')
        .replace(/\{[^}]+\}/g, () => randomUUID());
      const token = endpoint.path.startsWith('/v1/portals/{slug}/') ? customerToken : adminToken;
      await fc.assert(
        fc.asyncProperty(badRequests(endpoint), async (bad) => {
          const res = await fetch(`${app.baseUrl}${url}`, {
            method: endpoint.method,
            headers: { authorization: `Bearer ${token}`, 'content-type': bad.contentType, ...bad.headers },
            body: bad.body,
          });
          await res.arrayBuffer();
          sent += 1;
          if (res.status >= 500 || res.status < 400)
            failures.push(`${endpoint.method} ${endpoint.path} ${bad.kind}: ${res.status}`);
        }),
        { numRuns: RUNS_PER_ENDPOINT },
      );
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.max(1_000, endpoints.length * RUNS_PER_ENDPOINT));
    expect(await app.eventStore.headPosition()).toBe(head);
  }, 600_000);

  it('answers hostile list queries on every GET with a 4xx or an answer, never a 5xx', async () => {
    const openapi = (await app.http.get('/docs/openapi.json')).json;
    const lists = Object.entries<any>(openapi.paths)
      .filter(([path, operations]) => operations.get && !/\{(?!slug\}|entityType\})[^}]+\}/.test(path))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(5);
    const query = fc.oneof(
      fc
        .constantFrom(...PROTOTYPE_NAMES)
        .chain((name) =>
          fc.constantFrom(`sort=${name}`, `filter[${name}]=x`, `filter[${name}][a]=1`, `${name}=1`),
        ),
      fc.constantFrom('%00', 'a%00b', '%C0%80', '%ED%A0%80').map((bad) => `filter[name]=${bad}`),
      fc
        .constantFrom('1e400', '9007199254740993', '99999999999999999999999', '-1', '0x10', 'NaN')
        .chain((n) => fc.constantFrom(`page=${n}`, `perPage=${n}`, `after=${n}`, `limit=${n}`)),
      fc.constant(`filter[name]=${'a'.repeat(10_000)}`),
    );
    const failures: string[] = [];
    for (const path of lists) {
      const url = path.replace('{slug}', portal.slug).replace('{entityType}', 'Case');
      const token = path.startsWith('/v1/portals/{slug}/') ? customerToken : adminToken;
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const res = await fetch(`${app.baseUrl}${url}?${q}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`GET ${path}?${q}: ${res.status}`);
        }),
        { numRuns: Math.max(20, Math.floor(RUNS_PER_ENDPOINT / 2)) },
      );
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
