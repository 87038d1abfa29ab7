import { ALWAYS_READ_ONLY_FIELDS, isNeverReadableField } from '../../../../libs/acl/src/protected-fields.js';
import type { Me, PortalRecord } from '../api/portal-api.js';

/**
 * What the user's merged roles allow, read from GET /me's `permissions`, so the page offers only
 * what the API will accept. The API stays the judge: this only decides what is shown.
 */
type Level = 'no' | 'own' | 'contact' | 'account' | 'all';
type Action = 'read' | 'edit' | 'delete' | 'stream' | 'share';

/** The record answer's own key beside its fields: never a field to edit. */
const ANSWER_KEYS: ReadonlySet<string> = new Set(['revision'] satisfies (keyof PortalRecord)[]);

const LEVELS: readonly Level[] = ['no', 'own', 'contact', 'account', 'all'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** `{ level: 'account', grantedBy }` (merged roles) or plain `'account'`: anything else is `no`. */
function levelOf(value: unknown): string {
  const level = typeof value === 'string' ? value : record(value).level;
  return typeof level === 'string' ? level : 'no';
}

function idsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export class PortalPermissions {
  private readonly scopes: Record<string, unknown>;
  private readonly fields: Record<string, unknown>;

  constructor(private readonly me: Me) {
    const permissions = record(me.permissions);
    this.scopes = record(permissions.scopes ?? permissions);
    this.fields = record(permissions.fields);
  }

  level(entityType: string, action: Action): Level {
    const level = levelOf(record(this.scopes[entityType])[action]);
    return (LEVELS as readonly string[]).includes(level) ? (level as Level) : 'no';
  }

  /** Whether the roles open this type for reading at all (the list endpoint scopes each record). */
  canRead(entityType: string): boolean {
    return this.level(entityType, 'read') !== 'no';
  }

  /**
   * Whether the API takes files on this record from the user: inside their stream level, or a
   * record they created (the ACL's canAttach, judged on the links the page can see).
   */
  canAttach(entityType: string, item: PortalRecord): boolean {
    return this.reaches(entityType, 'stream', item) || this.isOwn(item);
  }

  canCreate(entityType: string): boolean {
    return levelOf(record(this.scopes[entityType]).create) === 'yes';
  }

  /** Quick-create types the user may create: the only ones that get a create button and form. */
  canQuickCreate(entityType: string): boolean {
    return this.me.portal.quickCreateList.includes(entityType) && this.canCreate(entityType);
  }

  canReadField(entityType: string, field: string): boolean {
    if (isNeverReadableField(field)) return false;
    const restricted = record(this.fields[entityType])[field];
    return restricted === undefined || record(restricted).read !== 'no';
  }

  canEditField(entityType: string, field: string): boolean {
    if (ALWAYS_READ_ONLY_FIELDS.has(field) || ANSWER_KEYS.has(field) || !this.canReadField(entityType, field))
      return false;
    const restricted = record(this.fields[entityType])[field];
    return restricted === undefined || record(restricted).edit !== 'no';
  }

  /** True when `action`'s level reaches this record, judged on the links the user can see. */
  reaches(entityType: string, action: Action, item: PortalRecord): boolean {
    switch (this.level(entityType, action)) {
      case 'all':
        return true;
      case 'account': {
        const mine = new Set(this.me.accountIds);
        if (
          idsOf(item.accountId)
            .concat(idsOf(item.accountIds))
            .some((id) => mine.has(id))
        )
          return true;
        return this.reachesContact(item) || this.isOwn(item);
      }
      case 'contact':
        return this.reachesContact(item) || this.isOwn(item);
      case 'own':
        return this.isOwn(item);
      default:
        return false;
    }
  }

  private reachesContact(item: PortalRecord): boolean {
    const contact = this.me.contactId;
    return contact !== null && idsOf(item.contactId).concat(idsOf(item.contactIds)).includes(contact);
  }

  private isOwn(item: PortalRecord): boolean {
    const by = record(item.createdBy);
    return (by.type === 'portalUser' && by.id === this.me.id) || item.createdByPortalUserId === this.me.id;
  }
}
