import { parseRecordStream } from '../record/record.stream';
import { contactOwner, portalUserOwner, type DataOwner } from './data-owner';
import { signInOwner } from './sign-in-retention';

// The declarative map of personal data in events: for each event type, which values are personal
// and whose they are. Names, email addresses, phone numbers, free text a portal user wrote, sign-in
// IPs and user agents. The event store's privacy layer encrypts exactly these on append. A new
// event type carrying personal data must be added here (personal-data.map.spec.ts lists them).

export interface PersonalValue {
  /** From the event's root: ['data', 'email'], ['metadata', 'actor', 'name']. */
  path: readonly string[];
  owner: DataOwner;
}

interface EventView {
  type: string;
  data: Record<string, unknown>;
  metadata: { actor?: { type?: string; id?: string } } & Record<string, unknown>;
}

/** Personal fields of a contact record. */
export const CONTACT_PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'title',
  'description',
];
/** Free text of a record a portal user writes (a case's subject and description). */
export const WRITTEN_TEXT_FIELDS = ['name', 'description', 'body'];
/** Profile fields of a portal user that are personal (PortalUserProfileUpdated). */
const PROFILE_FIELDS = ['firstName', 'lastName', 'phone'];

const PORTAL_USER_STREAM = /^portalUser-(.+)$/;

type Rule = (stream: string, event: EventView) => PersonalValue[];

const at = (owner: DataOwner, ...paths: string[][]): PersonalValue[] =>
  paths.map((path) => ({ path: ['data', ...path], owner }));

const streamPortalUser = (stream: string): DataOwner | null => {
  const id = PORTAL_USER_STREAM.exec(stream)?.[1];
  return id ? portalUserOwner(id) : null;
};

const ofStreamUser =
  (...paths: string[][]): Rule =>
  (stream) => {
    const owner = streamPortalUser(stream);
    return owner ? at(owner, ...paths) : [];
  };

const changesOf = (fields: readonly string[]): string[][] =>
  fields.flatMap((f) => [
    ['changes', f, 'from'],
    ['changes', f, 'to'],
  ]);

const fieldsOf = (fields: readonly string[]): string[][] => fields.map((f) => ['fields', f]);

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The portal user acting, when one is. */
const actingPortalUser = (event: EventView): DataOwner | null =>
  event.metadata.actor?.type === 'portalUser' && event.metadata.actor.id
    ? portalUserOwner(event.metadata.actor.id)
    : null;

const RULES: Record<string, Rule> = {
  PortalUserCreated: ofStreamUser(['email'], ['firstName'], ['lastName']),
  EmailChangeRequested: ofStreamUser(['newEmail']),
  EmailChangeConfirmed: ofStreamUser(['newEmail']),
  // Under the key of the user's day (sign-in-retention.ts): retention forgets old days alone.
  PortalUserLoggedIn: (stream, event) => signIn(stream, event),
  PortalUserLoginFailed: (stream, event) => signIn(stream, event),
  PortalUserProfileUpdated: ofStreamUser(...changesOf(PROFILE_FIELDS)),
  UniqueValueReserved: (_stream, event) => reservedEmail(event),
  UniqueValueReleased: (_stream, event) => reservedEmail(event),
  RecordCreated: (stream, event) => {
    const id = str(event.data.id);
    return event.data.entityType === 'Contact' && id
      ? at(contactOwner(id), ...fieldsOf(CONTACT_PERSONAL_FIELDS))
      : [];
  },
  RecordUpdated: (stream, event) => {
    const record = parseRecordStream(stream);
    if (record?.entityType === 'Contact') {
      return at(contactOwner(record.id), ...changesOf(CONTACT_PERSONAL_FIELDS));
    }
    const author = actingPortalUser(event);
    return author ? at(author, ...changesOf(WRITTEN_TEXT_FIELDS)) : [];
  },
  CaseCreatedByPortalUser: (_stream, event) => writtenBy(event),
  RecordCreatedByPortalUser: (_stream, event) => writtenBy(event),
  CommentPosted: (_stream, event) => {
    const author = actingPortalUser(event);
    return author ? at(author, ['text']) : [];
  },
  // A file's name as a portal user uploaded it (often their own name or case details).
  AttachmentAdded: (_stream, event) => {
    const uploader = str(event.data.portalUserId);
    return uploader ? at(portalUserOwner(uploader), ['name']) : [];
  },
  // The reason a portal user gives for asking to be erased is their own words.
  ErasureRequested: (_stream, event) => {
    const requester = str(event.data.portalUserId);
    return requester ? at(portalUserOwner(requester), ['reason']) : [];
  },
  EmailDelivered: (_stream, event) => recipient(event),
  EmailDeliveryFailed: (_stream, event) => recipient(event),
};

function signIn(stream: string, event: EventView): PersonalValue[] {
  const id = PORTAL_USER_STREAM.exec(stream)?.[1];
  return id ? at(signInOwner(id, event.data.at), ['ip'], ['userAgent']) : [];
}

function reservedEmail(event: EventView): PersonalValue[] {
  const owner = str(event.data.ownerId);
  return event.data.kind === 'portalUserEmail' && owner ? at(portalUserOwner(owner), ['value']) : [];
}

function writtenBy(event: EventView): PersonalValue[] {
  const author = str(event.data.portalUserId);
  return author ? at(portalUserOwner(author), ...fieldsOf(WRITTEN_TEXT_FIELDS)) : [];
}

function recipient(event: EventView): PersonalValue[] {
  const user = str(event.data.portalUserId);
  return user ? at(portalUserOwner(user), ['to']) : [];
}

/** Every personal value of an event appended to `stream`, with its owner. */
export function personalValuesOf(stream: string, event: EventView): PersonalValue[] {
  const values = RULES[event.type]?.(stream, event) ?? [];
  const actor = actingPortalUser(event);
  // A portal user's name rides in the metadata of everything they do.
  return actor ? [...values, { path: ['metadata', 'actor', 'name'], owner: actor }] : values;
}

/** The event types the map names (besides the actor name every portal user's event carries). */
export const EVENT_TYPES_WITH_PERSONAL_DATA = Object.keys(RULES);
