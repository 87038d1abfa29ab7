import type { ApiClient, Query, UploadProgress } from './api-client.js';
import type { ApiSchema, RequestBody } from './api-types.js';
import { ApiError } from './problem-document.js';

export type PortalSettings = ApiSchema<'PortalSettings'>;
/** GET /public: what the pages before login show of the portal (no token needed). */
export type PortalPublic = ApiSchema<'PortalPublic'>;
/** GET /me: who I am, my portal, and my merged permissions. */
export type Me = ApiSchema<'Me'>;
export type AccessToken = ApiSchema<'AccessToken'>;
/** A record as the API answers it for a portal user: its readable fields beside `id`. */
export type PortalRecord = ApiSchema<'PortalRecord'>;
export type PortalRecordList = ApiSchema<'PortalRecordList'>;
export type Comment = ApiSchema<'PortalComment'>;
export type CommentList = ApiSchema<'PortalCommentList'>;
export type Dashboard = ApiSchema<'Dashboard'>;
export type Following = ApiSchema<'Following'>;
export type Dashlet = Dashboard['dashlets'][number];
/** A file on a record, as a portal user may see it (never an internal one). */
export type Attachment = ApiSchema<'PortalAttachment'>;
export type AttachmentList = ApiSchema<'PortalAttachmentList'>;
type ProfileChanges = RequestBody<'/v1/portals/{slug}/me', 'patch'>;
/** Form values: the API judges them (fields depend on the entity type; 400/403/422 name the wrong ones). */
type RecordFields = Record<string, unknown>;

const seg = encodeURIComponent;

/** The calls the web portal makes, named after API.md's "Portal users" sections. */
export class PortalApi {
  constructor(readonly client: ApiClient) {}

  /** 404 for a portal that does not exist or is not active (the API does not say which). */
  publicInfo(): Promise<PortalPublic> {
    return this.client.get('/public', undefined, { auth: false });
  }

  /** `consentVersion`: the portal's terms accepted with it (403 consent_required names the one needed). */
  acceptInvitation(token: string, password: string, consentVersion?: string): Promise<AccessToken> {
    const body = { token, password, ...(consentVersion ? { consentVersion } : {}) };
    return this.client.post('/auth/accept-invitation', body, { auth: false });
  }

  login(email: string, password: string, consentVersion?: string): Promise<AccessToken> {
    const body = { email, password, ...(consentVersion ? { consentVersion } : {}) };
    return this.client.post('/auth/login', body, { auth: false });
  }

  logout(): Promise<void> {
    return this.client.post('/auth/logout');
  }

  forgotPassword(email: string): Promise<void> {
    return this.client.post('/auth/forgot-password', { email }, { auth: false });
  }

  resetPassword(token: string, password: string): Promise<ApiSchema<'PasswordReset'>> {
    return this.client.post('/auth/reset-password', { token, password }, { auth: false });
  }

  confirmEmail(token: string): Promise<ApiSchema<'EmailConfirmed'>> {
    return this.client.post('/auth/confirm-email', { token }, { auth: false });
  }

  me(): Promise<Me> {
    return this.client.get('/me');
  }

  updateMe(changes: ProfileChanges): Promise<Me> {
    return this.client.patch('/me', changes);
  }

  listRecords(entityType: string, query: Query): Promise<PortalRecordList> {
    return this.client.get(`/records/${seg(entityType)}`, query);
  }

  getRecord(entityType: string, id: string): Promise<PortalRecord> {
    return this.client.get(`/records/${seg(entityType)}/${seg(id)}`);
  }

  createRecord(entityType: string, fields: RecordFields): Promise<ApiSchema<'CreatedPortalRecord'>> {
    return this.client.post(`/records/${seg(entityType)}`, fields);
  }

  /** With the revision it was read at: a change made meanwhile by someone else is refused (412), not overwritten. */
  updateRecord(
    entityType: string,
    id: string,
    changes: RecordFields,
    revision?: unknown,
  ): Promise<PortalRecord> {
    const headers: Record<string, string> =
      typeof revision === 'number' ? { 'if-match': `"${revision}"` } : {};
    return this.client.patch(`/records/${seg(entityType)}/${seg(id)}`, changes, { headers });
  }

  comments(entityType: string, id: string): Promise<CommentList> {
    return this.client.get(`/records/${seg(entityType)}/${seg(id)}/stream`, { perPage: 100 });
  }

  /** `attachmentIds`: files I uploaded to this record and have not posted with a comment yet. */
  postComment(
    entityType: string,
    id: string,
    text: string,
    attachmentIds: string[] = [],
  ): Promise<ApiSchema<'PortalPostedComment'>> {
    const body = attachmentIds.length > 0 ? { text, attachmentIds } : { text };
    return this.client.post(`/records/${seg(entityType)}/${seg(id)}/stream`, body);
  }

  /** The link's token is in `url`, shown this once. */
  createShareLink(
    entityType: string,
    id: string,
    body: { includeComments?: boolean; includeAttachments?: boolean },
  ): Promise<ApiSchema<'CreatedShareLink'>> {
    return this.client.post(`/records/${seg(entityType)}/${seg(id)}/share-links`, body);
  }

  /** Whether I follow the record (its status changes and replies then reach me by email). */
  following(entityType: string, id: string): Promise<Following> {
    return this.client.get(`/records/${seg(entityType)}/${seg(id)}/follow`);
  }

  follow(entityType: string, id: string, follow: boolean): Promise<Following> {
    const path = `/records/${seg(entityType)}/${seg(id)}/follow`;
    return follow ? this.client.put(path) : this.client.delete(path);
  }

  /** The files of a record I may read: one page holds them all. */
  attachments(entityType: string, id: string): Promise<AttachmentList> {
    return this.client.get(`/records/${seg(entityType)}/${seg(id)}/attachments`);
  }

  /** One file, streamed in as multipart (field `file`); the API tells its type from its bytes. */
  uploadAttachment(
    entityType: string,
    id: string,
    file: File,
    onProgress: UploadProgress,
  ): Promise<Attachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.client.upload(`/records/${seg(entityType)}/${seg(id)}/attachments`, form, onProgress);
  }

  downloadAttachment(entityType: string, id: string, attachmentId: string): Promise<Blob> {
    return this.client.download(`/records/${seg(entityType)}/${seg(id)}/attachments/${seg(attachmentId)}`);
  }

  dashboard(): Promise<Dashboard> {
    return this.client.get('/dashboard');
  }

  /** Accepts the version of the portal's terms it requires now (422 when that changed meanwhile). */
  giveConsent(version: string): Promise<ApiSchema<'Consent'>> {
    return this.client.post('/me/consents', { version });
  }

  /** Takes the consent back: the API ends my sessions in this portal at once. */
  withdrawConsent(version: string): Promise<void> {
    return this.client.delete(`/me/consents/${seg(version)}`);
  }

  /** Everything the portal holds of me, as one JSON document (GET …/me/data-export). */
  dataExport(): Promise<ApiSchema<'DataExport'>> {
    return this.client.get('/me/data-export');
  }

  /** My latest request to be erased, or null when I never asked. */
  async erasureRequest(): Promise<ApiSchema<'ErasureRequest'> | null> {
    try {
      return await this.client.get('/me/erasure-request');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  requestErasure(reason: string): Promise<ApiSchema<'ErasureRequest'>> {
    return this.client.post('/me/erasure-request', reason === '' ? {} : { reason });
  }
}
