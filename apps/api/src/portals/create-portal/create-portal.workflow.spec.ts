import { randomUUID } from 'node:crypto';
import { DomainError, portalStream } from '@portal/domain';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import type { CreatePortalBody } from '../portal.schemas';
import { createPortal, type CreatePortalPorts } from './create-portal.workflow';

jest.setTimeout(60_000);

describe('createPortal (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  /** Real streams; live roles and the default switch as given (the switch runs its callback). */
  const ports = (overrides: Partial<CreatePortalPorts> = {}): CreatePortalPorts => ({
    commands: path.commands,
    uniques: path.uniques,
    roles: { assertLive: async () => undefined },
    defaults: { switchTo: async (_id, _ctx, makeDefault) => void (await makeDefault()) },
    publicUrl: 'http://portal.test/',
    ...overrides,
  });
  const slug = () => `customers-${randomUUID().slice(0, 8)}`;
  const body = (s: string, more: Partial<CreatePortalBody> = {}) =>
    ({ name: 'Customers', slug: s, ...more }) as CreatePortalBody;
  const owner = (s: string) => path.uniques.ownerOf('portalSlug', s);

  it('given a free slug, when a portal is created, then the slug is held and the portal exists at its url', async () => {
    const s = slug();
    const id = randomUUID();
    expect(await createPortal(ports(), body(s), path.ctx(), id)).toEqual({
      id,
      slug: s,
      url: `http://portal.test/portal/${s}`,
    });
    expect(await owner(s)).toBe(id);
    expect(await path.eventTypes(portalStream(id))).toEqual(['PortalCreated']);
  });

  it('given a configuration the domain refuses, then nothing is reserved or appended', async () => {
    const s = slug();
    const id = randomUUID();
    await expect(createPortal(ports(), body(s, { roleIds: [''] }), path.ctx(), id)).rejects.toMatchObject({
      code: 'invalid_role_id',
    });
    expect(await owner(s)).toBeNull();
    expect(await path.eventTypes(portalStream(id))).toEqual([]);
  });

  it('given a role that is gone, then the refusal comes before the slug is reserved', async () => {
    const s = slug();
    const gone = ports({
      roles: {
        assertLive: async () => {
          throw new DomainError('role_not_found', 'No such role', 'invalid', [
            { path: '/roleIds/0', message: 'gone' },
          ]);
        },
      },
    });
    await expect(
      createPortal(gone, body(s, { roleIds: ['r1'] }), path.ctx(), randomUUID()),
    ).rejects.toMatchObject({
      code: 'role_not_found',
    });
    expect(await owner(s)).toBeNull();
  });

  it('given the slug is taken, then 409 slug_taken and no portal is appended', async () => {
    const s = slug();
    const first = randomUUID();
    await createPortal(ports(), body(s), path.ctx(), first);
    const second = randomUUID();
    await expect(createPortal(ports(), body(s), path.ctx(), second)).rejects.toMatchObject({
      code: 'slug_taken',
    });
    expect(await owner(s)).toBe(first);
    expect(await path.eventTypes(portalStream(second))).toEqual([]);
  });

  it('given the default switch fails before the portal is appended, then the slug is released again', async () => {
    const s = slug();
    const id = randomUUID();
    const failing = ports({
      defaults: {
        switchTo: async () => {
          throw new Error('read model behind');
        },
      },
    });
    await expect(createPortal(failing, body(s, { isDefault: true }), path.ctx(), id)).rejects.toThrow(
      'read model behind',
    );
    expect(await owner(s)).toBeNull();
    expect(await path.eventTypes(portalStream(id))).toEqual([]);
  });

  it('given the switch fails after the portal is appended (unsetting the old default), then the portal keeps its slug', async () => {
    const s = slug();
    const id = randomUUID();
    const failing = ports({
      defaults: {
        switchTo: async (_id, _ctx, makeDefault) => {
          await makeDefault();
          throw new Error('old default could not be unset');
        },
      },
    });
    await expect(createPortal(failing, body(s, { isDefault: true }), path.ctx(), id)).rejects.toThrow(
      'old default could not be unset',
    );
    expect(await owner(s)).toBe(id);
    expect(await path.eventTypes(portalStream(id))).toContain('PortalCreated');
  });
});
