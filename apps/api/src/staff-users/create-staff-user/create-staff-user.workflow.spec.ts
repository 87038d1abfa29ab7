import { randomUUID } from 'node:crypto';
import { staffUserStream } from '@portal/domain';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import type { CreateStaffUserBody } from '../staff-user.schemas';
import { createStaffUser, type CreateStaffUserPorts } from './create-staff-user.workflow';

jest.setTimeout(60_000);

describe('createStaffUser (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  const body = (email = `${randomUUID()}@staff.test`): CreateStaffUserBody => ({
    email,
    name: 'Grace Hopper',
    password: 'correct horse battery staple',
    role: 'agent',
  });

  /** The ports, with the password hashes kept in a map (the credential store is a read-store collection). */
  function ports(overrides: Partial<CreateStaffUserPorts> = {}) {
    const hashes = new Map<string, string>();
    const value: CreateStaffUserPorts = {
      commands: path.commands,
      uniques: path.uniques,
      credentials: { setPassword: async (owner, password) => void hashes.set(owner.id, password) },
      ...overrides,
    };
    return { value, hashes };
  }
  const owner = (email: string) => path.uniques.ownerOf('staffUserEmail', email);

  it('given a new email, when created, then the email is held, the password stored and the user appended', async () => {
    const id = randomUUID();
    const b = body();
    const p = ports();
    await expect(createStaffUser(p.value, b, id, path.ctx())).resolves.toEqual({ id });
    expect(await owner(b.email)).toBe(id);
    expect(p.hashes.get(id)).toBe(b.password);
    expect(await path.eventTypes(staffUserStream(id))).toEqual(['StaffUserCreated', 'StaffUserPasswordSet']);
  });

  it('given a user the domain refuses, then nothing is reserved or stored', async () => {
    const id = randomUUID();
    const b = { ...body(), name: '' };
    const p = ports();
    await expect(createStaffUser(p.value, b, id, path.ctx())).rejects.toMatchObject({ kind: 'invalid' });
    expect(await owner(b.email)).toBeNull();
    expect(p.hashes.size).toBe(0);
  });

  it('given the email held by another user, then 409 email_taken and nothing stored', async () => {
    const b = body();
    await createStaffUser(ports().value, b, randomUUID(), path.ctx());
    const id = randomUUID();
    const p = ports();
    await expect(createStaffUser(p.value, b, id, path.ctx())).rejects.toMatchObject({ code: 'email_taken' });
    expect(p.hashes.size).toBe(0);
    expect(await path.eventTypes(staffUserStream(id))).toEqual([]);
  });

  it('given the password cannot be stored, then the email is released and no user appended', async () => {
    const id = randomUUID();
    const b = body();
    const p = ports({ credentials: { setPassword: () => Promise.reject(new Error('read store down')) } });
    await expect(createStaffUser(p.value, b, id, path.ctx())).rejects.toThrow('read store down');
    expect(await owner(b.email)).toBeNull();
    expect(await path.eventTypes(staffUserStream(id))).toEqual([]);
  });

  it('given the user cannot be appended, then the email is released for a later try', async () => {
    const id = randomUUID();
    const b = body();
    const commands = path.commandsFailingOn((stream) => stream === staffUserStream(id), 'staff stream down');
    await expect(createStaffUser(ports({ commands }).value, b, id, path.ctx())).rejects.toThrow(
      'staff stream down',
    );
    expect(await owner(b.email)).toBeNull();
    await createStaffUser(ports().value, b, randomUUID(), path.ctx());
    expect(await owner(b.email)).not.toBeNull();
  });

  it('given two bootstraps racing under one id, then one user, and a failing racer leaves the email held', async () => {
    const id = randomUUID();
    const b = body();
    await createStaffUser(ports().value, b, id, path.ctx());
    // The second finds the email already its own (nothing appended) and the user there (nothing added).
    await expect(createStaffUser(ports().value, b, id, path.ctx())).resolves.toEqual({ id });
    expect(await path.eventTypes(staffUserStream(id))).toEqual(['StaffUserCreated', 'StaffUserPasswordSet']);
    // A racer that fails after the other succeeded took nothing: the email stays with the user.
    const p = ports({ credentials: { setPassword: () => Promise.reject(new Error('read store down')) } });
    await expect(createStaffUser(p.value, b, id, path.ctx())).rejects.toThrow('read store down');
    expect(await owner(b.email)).toBe(id);
  });
});
