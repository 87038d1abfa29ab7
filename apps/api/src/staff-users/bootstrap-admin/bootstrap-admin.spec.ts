import { bootstrapAdminId } from './bootstrap-admin-id';

describe('bootstrapAdminId', () => {
  it('is a UUID that depends only on the normalised email', () => {
    const id = bootstrapAdminId('Admin@Example.com ');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bootstrapAdminId('admin@example.com')).toBe(id);
    expect(bootstrapAdminId('other@example.com')).not.toBe(id);
  });
});
