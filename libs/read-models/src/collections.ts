/**
 * The read models every query reads, by logical name. The projector writes them under a
 * generation prefix (blue-green rebuilds); `ReadModelNames` turns a logical name into the
 * physical collection of the active generation.
 */
export const READ_MODELS = {
  portals: 'portals',
  portalRoles: 'portal_roles',
  portalUsers: 'portal_users',
  staffUsers: 'staff_users',
  entityTypes: 'entity_types',
  records: 'records',
  comments: 'comments',
  attachments: 'attachments',
  loginHistory: 'login_history',
  emailDeliveries: 'email_deliveries',
  shareLinks: 'share_links',
  recordFollowers: 'record_followers',
  consents: 'consents',
  /** Which record streams hold a data owner's personal values (erasure refolds them, the export reads them). */
  personalDataStreams: 'personal_data_streams',
} as const;

export type ReadModelName = (typeof READ_MODELS)[keyof typeof READ_MODELS];

/**
 * Operational collections: written directly by the API, never rebuilt from events and never
 * part of a generation (password hashes, sessions, idempotency answers, rate limits).
 */
export const OPERATIONAL = {
  credentials: 'credentials',
  portalSessions: 'portal_sessions',
  idempotencyKeys: 'idempotency_keys',
  readModelMeta: 'read_model_meta',
  /** Views of share links, counted without an event per view (the first one is ShareLinkFirstOpened). */
  shareLinkViews: 'share_link_views',
  /** The mailer's jobs in flight (its durable ledger; the API drops a data subject's on erasure). */
  mailerPendingEmails: 'mailer_pending_emails',
} as const;
