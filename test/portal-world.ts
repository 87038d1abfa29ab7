import { deriveKey, oneTimeToken } from '@portal/platform';
import type { ApiResponse, TestApp } from './support';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export const CUSTOMER_PASSWORD = 'Customer-password-1!';

/** A portal showing Cases with one role, and a portal user in it (PortalWorld.caseCustomer). */
export interface CaseCustomer {
  roleId: string;
  portal: { id: string; slug: string };
  customer: { id: string; token: string };
}

/**
 * Drives the service as staff and portal users for the records/portal e2e tests, through HTTP only.
 * Every command's X-Consistency-Token is remembered and sent on every later GET, so reads see the
 * writes before them (read-your-writes, as a real client would do it).
 */
export class PortalWorld {
  private position = -1;
  private seq = 0;

  private constructor(
    readonly app: TestApp,
    readonly adminToken: string,
  ) {}

  static async start(app: TestApp): Promise<PortalWorld> {
    return new PortalWorld(app, await app.adminToken());
  }

  /** A short unique suffix for names, emails and slugs. */
  unique(): string {
    this.seq += 1;
    return `${this.seq}-${Math.random().toString(36).slice(2, 8)}`;
  }

  async call(
    method: Method,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const sent = { ...headers };
    if (method === 'get' && this.position >= 0) sent['x-consistency-token'] = String(this.position);
    const options = { token, headers: sent };
    const res =
      method === 'get' || method === 'delete'
        ? await this.app.http[method](path, options)
        : await this.app.http[method](path, body, options);
    const token_ = res.headers.get('x-consistency-token');
    if (token_ !== null) this.position = Math.max(this.position, Number(token_));
    return res;
  }

  staff(method: Method, path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call(method, path, this.adminToken, body, headers);
  }

  /** Waits until the read models include every write so far (admin commands read them). */
  async sync(): Promise<void> {
    const res = await this.staff('get', '/v1/records/Account?perPage=1');
    if (res.status !== 200) throw new Error(`sync failed: ${res.status} ${res.text}`);
  }

  async createRecord(entityType: string, fields: Record<string, unknown>): Promise<string> {
    const res = await this.staff('post', `/v1/records/${entityType}`, fields);
    if (res.status !== 201) throw new Error(`create ${entityType}: ${res.status} ${res.text}`);
    return res.json.id as string;
  }

  async createRole(body: Record<string, unknown>): Promise<string> {
    const res = await this.staff('post', '/v1/portal-roles', body);
    if (res.status !== 201) throw new Error(`create role: ${res.status} ${res.text}`);
    return res.json.id as string;
  }

  async createStaffUser(role: 'admin' | 'agent'): Promise<{ id: string; token: string }> {
    const email = `agent-${this.unique()}@staff.example.com`;
    const password = 'Agent-password-1!';
    const res = await this.staff('post', '/v1/staff-users', {
      email,
      name: `Agent ${email}`,
      password,
      role,
    });
    if (res.status !== 201) throw new Error(`create staff user: ${res.status} ${res.text}`);
    const login = await this.app.http.post('/v1/auth/staff/login', { email, password });
    if (login.status !== 200) throw new Error(`staff login: ${login.status} ${login.text}`);
    return { id: res.json.id as string, token: login.json.accessToken as string };
  }

  async createPortal(body: Record<string, unknown>): Promise<{ id: string; slug: string }> {
    const slug = `portal-${this.unique()}`;
    const res = await this.staff('post', '/v1/portals', {
      name: `Portal ${slug}`,
      slug,
      isActive: true,
      ...body,
    });
    if (res.status !== 201) throw new Error(`create portal: ${res.status} ${res.text}`);
    return { id: res.json.id as string, slug };
  }

  /**
   * A portal user made from a contact, invited and accepted (with `acceptWith` added to the
   * acceptance, e.g. a consentVersion): returns their id and bearer token.
   */
  async createPortalUser(
    contactId: string,
    portal: { id: string; slug: string },
    roleIds: string[] = [],
    acceptWith: Record<string, unknown> = {},
  ): Promise<{ id: string; token: string }> {
    const { id, invitationToken: token } = await this.invite(contactId, portal, roleIds);
    const accepted = await this.call('post', `/v1/portals/${portal.slug}/auth/accept-invitation`, '', {
      token,
      password: CUSTOMER_PASSWORD,
      ...acceptWith,
    });
    if (accepted.status !== 200) throw new Error(`accept invitation: ${accepted.status} ${accepted.text}`);
    return { id, token: accepted.json.accessToken as string };
  }

  /**
   * A portal showing Cases with one role of `caseScope`, and its customer: a portal user made from
   * a new contact of `accountId`.
   */
  async caseCustomer(
    accountId: string,
    caseScope: Record<string, string>,
  ): Promise<{
    roleId: string;
    portal: { id: string; slug: string };
    customer: { id: string; token: string };
  }> {
    const contactId = await this.createRecord('Contact', {
      lastName: 'Customer',
      email: `customer-${this.unique()}@customer.test`,
      accountId,
    });
    const roleId = await this.createRole({ name: 'Customers', scopes: { Case: caseScope }, fields: {} });
    const portal = await this.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    return { roleId, portal, customer: await this.createPortalUser(contactId, portal) };
  }

  /** A portal user made from a contact and invited: their id and the invitation's token. */
  async invite(
    contactId: string,
    portal: { id: string },
    roleIds: string[] = [],
  ): Promise<{ id: string; invitationToken: string }> {
    await this.sync();
    const res = await this.staff('post', '/v1/portal-users', {
      contactId,
      portalIds: [portal.id],
      roleIds,
      sendInvitation: true,
    });
    if (res.status !== 201) throw new Error(`create portal user: ${res.status} ${res.text}`);
    const id = res.json.id as string;
    const invitationToken = await this.invitationToken(id);
    await this.sync();
    return { id, invitationToken };
  }

  /** The token of the user's latest invitation, as the emailed link carries it. */
  async invitationToken(userId: string): Promise<string> {
    const events = await this.app.eventStore.readStream(`portalUser-${userId}`);
    const sent = events.filter((e) => e.type === 'InvitationSent').pop();
    if (!sent) throw new Error('no InvitationSent');
    // Derived the way the mailer derives it.
    return oneTimeToken(
      deriveKey(this.app.config.jwtSecret, 'one-time-tokens'),
      'invitation',
      sent.data.invitationId as string,
    );
  }

  /** Every item of a portal list, across pages. */
  async portalListAll(token: string, path: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await this.call('get', `${path}${sep}perPage=100&page=${page}`, token);
      if (res.status !== 200) throw new Error(`list ${path}: ${res.status} ${res.text}`);
      items.push(...(res.json.items as Record<string, unknown>[]));
      if (items.length >= res.json.total || res.json.items.length === 0) return items;
    }
  }
}
