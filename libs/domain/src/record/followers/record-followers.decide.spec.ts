import fc from 'fast-check';
import { mergeRoles, type AclUser, type PortalContext, type RoleDefinition } from '@portal/acl';
import { CASE_ENTITY_TYPE } from '../../entity-type/built-in-entity-types';
import { fold } from '../../shared/decider';
import { problem, refusal } from '../../shared/testing/refusal';
import type { PortalUserAccess } from '../record.commands';
import type { RecordEvent } from '../record.events';
import { evolveRecord } from '../record.evolve';
import { initialRecordState } from '../record.state';
import { followsByDefault, isFollowing } from './following';
import { decideFollowRecordAsPortalUser } from './record-followers.decide';
import type { RecordFollowersEvent } from './record-followers.events';
import { evolveRecordFollowers } from './record-followers.evolve';
import { initialRecordFollowersState, type RecordFollowersState } from './record-followers.state';

const PORTAL = 'a0000000-0000-4000-8000-000000000001';
const USER = 'b0000000-0000-4000-8000-000000000001';
const CREATOR = 'b0000000-0000-4000-8000-000000000002';
const CONTACT = 'c0000000-0000-4000-8000-000000000001';
const ACME = 'd0000000-0000-4000-8000-000000000001';
const GLOBEX = 'd0000000-0000-4000-8000-000000000002';
const CASE_ID = 'f0000000-0000-4000-8000-000000000001';

const streamAccount: RoleDefinition = {
  id: 'r1',
  name: 'Support',
  scopes: { Case: { create: 'yes', read: 'account', stream: 'account' } },
  fields: {},
};
const readOnly: RoleDefinition = {
  id: 'r2',
  name: 'Readers',
  scopes: { Case: { read: 'account', stream: 'no' } },
  fields: {},
};
const ctx: PortalContext = { portalId: PORTAL, tabList: ['Case'], recordCriteria: {} };
const user: AclUser = { portalUserId: USER, portalId: PORTAL, contactId: null, accountIds: [ACME] };
const access = (role: RoleDefinition, who: AclUser = user): PortalUserAccess => ({
  ctx,
  perms: mergeRoles([role]),
  user: who,
});

const acmeCase = (fields: Record<string, unknown> = {}) =>
  fold(evolveRecord, initialRecordState, [
    {
      type: 'RecordCreated',
      data: { id: CASE_ID, entityType: 'Case', fields: { name: 'Outage', accountId: ACME, ...fields } },
    } as RecordEvent,
  ]);

const follow = (yes: boolean) =>
  ({ type: 'FollowRecordAsPortalUser', entityType: 'Case', follow: yes }) as const;
const followers = (...events: RecordFollowersEvent[]) =>
  fold(evolveRecordFollowers, initialRecordFollowersState, events);
const data = { entityType: 'Case', recordId: CASE_ID, portalUserId: USER };

const refusalOf = (run: () => unknown): string => refusal(run).code;

describe('decideFollowRecordAsPortalUser', () => {
  it('follows a readable case within the stream level, once', () => {
    const decided = decideFollowRecordAsPortalUser(
      follow(true),
      followers(),
      acmeCase(),
      CASE_ENTITY_TYPE,
      access(streamAccount),
    );
    expect(decided).toEqual([{ type: 'RecordFollowed', data }]);
    expect(
      decideFollowRecordAsPortalUser(
        follow(true),
        followers(...decided),
        acmeCase(),
        CASE_ENTITY_TYPE,
        access(streamAccount),
      ),
    ).toEqual([]);
  });

  it('unfollows, and unfollowing again changes nothing', () => {
    const state = followers({ type: 'RecordFollowed', data });
    const decided = decideFollowRecordAsPortalUser(
      follow(false),
      state,
      acmeCase(),
      CASE_ENTITY_TYPE,
      access(streamAccount),
    );
    expect(decided).toEqual([{ type: 'RecordUnfollowed', data }]);
    expect(
      decideFollowRecordAsPortalUser(
        follow(false),
        followers({ type: 'RecordFollowed', data }, ...decided),
        acmeCase(),
        CASE_ENTITY_TYPE,
        access(streamAccount),
      ),
    ).toEqual([]);
  });

  it('lets the creator and the contact unfollow what they follow by default', () => {
    const asContact = access(streamAccount, { ...user, contactId: CONTACT });
    expect(
      decideFollowRecordAsPortalUser(
        follow(true),
        followers(),
        acmeCase({ contactId: CONTACT }),
        CASE_ENTITY_TYPE,
        asContact,
      ),
    ).toEqual([]);
    expect(
      decideFollowRecordAsPortalUser(
        follow(false),
        followers(),
        acmeCase({ contactId: CONTACT }),
        CASE_ENTITY_TYPE,
        asContact,
      ),
    ).toEqual([{ type: 'RecordUnfollowed', data }]);
  });

  it('answers 404 outside the read scope and 403 outside the stream level', () => {
    expect(
      refusalOf(() =>
        decideFollowRecordAsPortalUser(
          follow(true),
          followers(),
          acmeCase({ accountId: GLOBEX }),
          CASE_ENTITY_TYPE,
          access(streamAccount),
        ),
      ),
    ).toBe('record_not_found');
    expect(
      refusalOf(() =>
        decideFollowRecordAsPortalUser(
          follow(true),
          followers(),
          acmeCase({ isInternal: true }),
          CASE_ENTITY_TYPE,
          access(streamAccount),
        ),
      ),
    ).toBe('record_not_found');
    expect(
      refusalOf(() =>
        decideFollowRecordAsPortalUser(
          follow(true),
          followers(),
          acmeCase(),
          CASE_ENTITY_TYPE,
          access(readOnly),
        ),
      ),
    ).toBe('record_stream_forbidden');
    expect(
      refusalOf(() =>
        decideFollowRecordAsPortalUser(
          follow(true),
          followers(),
          initialRecordState,
          CASE_ENTITY_TYPE,
          access(streamAccount),
        ),
      ),
    ).toBe('record_not_found');
  });
});

describe('isFollowing', () => {
  const record = { createdByPortalUserId: CREATOR, contactIds: [CONTACT] };
  it('follows by default the creator and the contact, nobody else', () => {
    expect(followsByDefault(record, { id: CREATOR, contactId: null })).toBe(true);
    expect(followsByDefault(record, { id: USER, contactId: CONTACT })).toBe(true);
    expect(followsByDefault(record, { id: USER, contactId: null })).toBe(false);
    expect(
      followsByDefault({ createdByPortalUserId: null, contactIds: [] }, { id: USER, contactId: null }),
    ).toBe(false);
  });

  it('agrees with a reference model: the last choice wins, else the default', () => {
    const people = [USER, CREATOR, 'b0000000-0000-4000-8000-000000000003'];
    const choice = fc.record({ who: fc.constantFrom(...people), follow: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(choice, { maxLength: 12 }),
        fc.constantFrom(...people),
        fc.boolean(),
        (choices, who, isContact) => {
          const events = choices.map((c): RecordFollowersEvent => ({
            type: c.follow ? 'RecordFollowed' : 'RecordUnfollowed',
            data: { entityType: 'Case', recordId: CASE_ID, portalUserId: c.who },
          }));
          const state: RecordFollowersState = followers(...events);
          const last = [...choices].reverse().find((c) => c.who === who);
          const candidate = { id: who, contactId: isContact ? CONTACT : null };
          const expected = last ? last.follow : who === CREATOR || isContact;
          expect(isFollowing(state.choices, record, candidate)).toBe(expected);
        },
      ),
    );
  });

  it('is not fooled by a user id named like an object property', () => {
    expect(isFollowing({}, record, { id: 'constructor', contactId: null })).toBe(false);
    expect(isFollowing({}, record, { id: '__proto__', contactId: null })).toBe(false);
  });

  it('tells whether following or unfollowing is not allowed', () => {
    for (const wanted of [true, false]) {
      expect(
        problem(() =>
          decideFollowRecordAsPortalUser(
            follow(wanted),
            followers(),
            acmeCase(),
            CASE_ENTITY_TYPE,
            access(readOnly),
          ),
        ),
      ).toEqual({
        code: 'record_stream_forbidden',
        kind: 'forbidden',
        message: `You may not ${wanted ? 'follow' : 'unfollow'} this record`,
        errors: [],
      });
    }
  });
});
