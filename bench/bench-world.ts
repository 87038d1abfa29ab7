// What the bench's service processes share: the e2e harness's PortalWorld over a running service,
// and the customers' portal the figures measure (a role reading and creating its account's cases).
import { DEFAULT_PORTAL_SETTINGS } from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import type { Projector } from '@portal/projector';
import type { ServiceStores } from '@portal/runtime';
import { PortalWorld } from '../test/portal-world';
import { api } from '../test/support/http-client';
import type { TestApp } from '../test/support/test-app';

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'Bench-admin-password-1!' };

/** PortalWorld over this process's service (the slice of the e2e harness's TestApp it uses). */
export function benchWorld(
  url: string,
  config: ServiceConfig,
  stores: ServiceStores,
  projector: Projector,
): Promise<PortalWorld> {
  const http = api(url);
  let token: Promise<string> | undefined;
  const app: TestApp = {
    baseUrl: url,
    http,
    eventStore: stores.eventStore,
    readStore: stores.readStore,
    config,
    schema: undefined,
    projector,
    mailer: undefined,
    admin: BENCH_ADMIN,
    adminToken: () =>
      (token ??= http.post('/v1/auth/staff/login', BENCH_ADMIN).then((res) => {
        if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
        return res.json.accessToken as string;
      })),
    close: async () => undefined,
  };
  return PortalWorld.start(app);
}

export interface BenchCustomer {
  email: string;
  /** A bearer token of the portal. */
  token: string;
  /** Index of the account (in the list given) whose contact they are. */
  account: number;
}

/**
 * A portal whose role creates cases and reads and comments on its account's cases, and `count`
 * portal users, the contacts of `accountIds` in turn. Tokens last a day: at 1M cases seeding and
 * catching up take over an hour on the embedded store, longer than the default lifetime and idle timeout.
 */
export async function customerPortal(
  world: PortalWorld,
  accountIds: readonly string[],
  count: number,
): Promise<{ slug: string; customers: BenchCustomer[] }> {
  const roleId = await world.createRole({
    name: `Bench customers ${world.unique()}`,
    scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
    fields: {},
  });
  const portal = await world.createPortal({
    roleIds: [roleId],
    tabList: ['Case'],
    quickCreateList: ['Case'],
    settings: { ...DEFAULT_PORTAL_SETTINGS, tokenLifetimeMinutes: 1_440, idleTimeoutMinutes: 1_440 },
  });
  const customers: BenchCustomer[] = [];
  for (let i = 0; i < count; i += 1) {
    const email = `bench-${world.unique()}@customer.test`;
    const account = i % accountIds.length;
    const contactId = await world.createRecord('Contact', {
      firstName: 'Bench',
      lastName: `Customer ${i}`,
      email,
      accountId: accountIds[account],
    });
    customers.push({ email, token: (await world.createPortalUser(contactId, portal)).token, account });
  }
  return { slug: portal.slug, customers };
}
