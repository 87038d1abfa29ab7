import type { ApiClient, Query } from './api-client.js';

export interface PortalSettings {
  language: string;
  timeZone: string;
  dateFormat: string;
  currency?: string;
  tokenLifetimeMinutes?: number;
  idleTimeoutMinutes?: number;
}

export interface PortalInfo {
  id: string;
  slug: string;
  name: string;
  tabList: string[];
  quickCreateList: string[];
  settings: PortalSettings;
  dashboardLayout?: { dashlet: string }[];
  branding?: { logoUrl?: unknown; [key: string]: unknown };
}

/** GET /public: what the pages before login show of the portal (no token needed). */
export interface PortalPublic {
  slug: string;
  name: string;
  language: string;
  branding?: { logoUrl?: unknown; [key: string]: unknown };
}

/** GET /me. `permissions` is the merged roles (read tolerantly by permissions/portal-permissions). */
export interface Me {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  contactId: string | null;
  accountIds: string[];
  portal: PortalInfo;
  permissions: unknown;
  [field: string]: unknown;
}

export interface AccessToken {
  accessToken: string;
  expiresIn: number;
}

/** A record as the API answers it for a portal user: its readable fields beside `id`. */
export type PortalRecord = Record<string, unknown> & { id: string };

export interface ListAnswer<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export interface ActorRef {
  type?: string;
  id?: string;
  name?: string;
}

export interface Comment {
  id: string;
  text: string;
  createdAt: string;
  createdBy?: ActorRef;
}

export interface Dashlet {
  dashlet: string;
  title?: string;
  data?: unknown;
  [key: string]: unknown;
}

const seg = encodeURIComponent;

/** The calls the web portal makes, named after API.md's "Portal users" sections. */
export class PortalApi {
  constructor(readonly client: ApiClient) {}

  /** 404 for a portal that does not exist or is not active (the API does not say which). */
  publicInfo(): Promise<PortalPublic> {
    return this.client.get('/public', undefined, { auth: false });
  }

  acceptInvitation(token: string, password: string): Promise<AccessToken> {
    return this.client.post('/auth/accept-invitation', { token, password }, { auth: false });
  }

  login(email: string, password: string): Promise<AccessToken> {
    return this.client.post('/auth/login', { email, password }, { auth: false });
  }

  logout(): Promise<void> {
    return this.client.post('/auth/logout');
  }

  forgotPassword(email: string): Promise<void> {
    return this.client.post('/auth/forgot-password', { email }, { auth: false });
  }

  resetPassword(token: string, password: string): Promise<unknown> {
    return this.client.post('/auth/reset-password', { token, password }, { auth: false });
  }

  confirmEmail(token: string): Promise<unknown> {
    return this.client.post('/auth/confirm-email', { token }, { auth: false });
  }

  me(): Promise<Me> {
    return this.client.get('/me');
  }

  updateMe(changes: Record<string, unknown>): Promise<Me> {
    return this.client.patch('/me', changes);
  }

  listRecords(entityType: string, query: Query): Promise<ListAnswer<PortalRecord>> {
    return this.client.get(`/records/${seg(entityType)}`, query);
  }

  getRecord(entityType: string, id: string): Promise<PortalRecord> {
    return this.client.get(`/records/${seg(entityType)}/${seg(id)}`);
  }

  createRecord(entityType: string, fields: Record<string, unknown>): Promise<{ id: string }> {
    return this.client.post(`/records/${seg(entityType)}`, fields);
  }

  /** With the revision it was read at: a change made meanwhile by someone else is refused (412), not overwritten. */
  updateRecord(
    entityType: string,
    id: string,
    changes: Record<string, unknown>,
    revision?: unknown,
  ): Promise<PortalRecord> {
    const headers: Record<string, string> =
      typeof revision === 'number' ? { 'if-match': `"${revision}"` } : {};
    return this.client.patch(`/records/${seg(entityType)}/${seg(id)}`, changes, { headers });
  }

  comments(entityType: string, id: string): Promise<ListAnswer<Comment> | Comment[]> {
    return this.client.get(`/records/${seg(entityType)}/${seg(id)}/stream`, { perPage: 100 });
  }

  postComment(entityType: string, id: string, text: string): Promise<{ id: string }> {
    return this.client.post(`/records/${seg(entityType)}/${seg(id)}/stream`, { text });
  }

  dashboard(): Promise<{ dashlets: Dashlet[] } | Dashlet[]> {
    return this.client.get('/dashboard');
  }
}
