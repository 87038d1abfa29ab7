import { randomUUID } from 'node:crypto';
import { PreconditionFailed } from '@portal/commands';
import { portalStream } from '@portal/domain';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import type { UpdatePortalBody } from '../portal.schemas';
import { updatePortal, type UpdatePortalPorts } from './update-portal.workflow';

jest.setTimeout(60_000);

describe('updatePortal (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  const ports = (overrides: Partial<UpdatePortalPorts> = {}): UpdatePortalPorts => ({
    commands: path.commands,
    uniques: path.uniques,
    roles: { assertLive: async () => undefined },
    defaults: { switchTo: async (_id, _ctx, makeDefault) => void (await makeDefault()) },
    publicUrl: 'http://portal.test',
    ...overrides,
  });
  const owner = (s: string) => path.uniques.ownerOf('portalSlug', s);
  /** Given: a portal, its slug `p-<first 8 of its id>` held by it (EmbeddedWritePath.portal). */
  async function givenPortal() {
    const id = await path.portal();
    return { id, slug: `p-${id.slice(0, 8)}` };
  }
  const newSlug = () => `renamed-${randomUUID().slice(0, 8)}`;
  const patch = (body: Partial<UpdatePortalBody>) => body as UpdatePortalBody;

  it('given a new slug, when the portal is updated, then the new slug is held, the old one free and the url follows', async () => {
    const { id, slug } = await givenPortal();
    const next = newSlug();
    const updated = await updatePortal(
      ports(),
      { portalId: id, body: patch({ slug: next }), ifMatch: 0 },
      path.ctx(),
    );
    expect(updated).toMatchObject({ id, slug: next, url: `http://portal.test/portal/${next}` });
    expect(await owner(next)).toBe(id);
    expect(await owner(slug)).toBeNull();
  });

  it('given a stale If-Match, then 412 before anything is reserved or appended', async () => {
    const { id, slug } = await givenPortal();
    const next = newSlug();
    const before = await path.eventTypes(portalStream(id));
    await expect(
      updatePortal(ports(), { portalId: id, body: patch({ slug: next }), ifMatch: 7 }, path.ctx()),
    ).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await owner(next)).toBeNull();
    expect(await owner(slug)).toBe(id);
    expect(await path.eventTypes(portalStream(id))).toEqual(before);
  });

  it('given the new slug is taken, then 409 slug_taken and the portal keeps its slug', async () => {
    const [mine, theirs] = [await givenPortal(), await givenPortal()];
    const before = await path.eventTypes(portalStream(mine.id));
    await expect(
      updatePortal(
        ports(),
        { portalId: mine.id, body: patch({ slug: theirs.slug }), ifMatch: undefined },
        path.ctx(),
      ),
    ).rejects.toMatchObject({ code: 'slug_taken' });
    expect(await owner(mine.slug)).toBe(mine.id);
    expect(await owner(theirs.slug)).toBe(theirs.id);
    expect(await path.eventTypes(portalStream(mine.id))).toEqual(before);
  });

  it('given the portal events cannot be appended, then the new slug is given back and the old one kept', async () => {
    const { id, slug } = await givenPortal();
    const next = newSlug();
    const failing = path.commandsFailingOn((stream) => stream === portalStream(id), 'portal stream down');
    await expect(
      updatePortal(
        ports({ commands: failing }),
        { portalId: id, body: patch({ slug: next }), ifMatch: undefined },
        path.ctx(),
      ),
    ).rejects.toThrow('portal stream down');
    expect(await owner(next)).toBeNull();
    expect(await owner(slug)).toBe(id);
  });

  it('given nothing changes, then nothing is reserved and the answer is the current portal', async () => {
    const { id, slug } = await givenPortal();
    const before = await path.eventTypes(portalStream(id));
    const same = await updatePortal(
      ports(),
      { portalId: id, body: patch({ slug }), ifMatch: undefined },
      path.ctx(),
    );
    expect(same).toMatchObject({ id, slug });
    expect(await path.eventTypes(portalStream(id))).toEqual(before);
    expect(await owner(slug)).toBe(id);
  });
});
