import { or, type RecordFilter } from '@portal/acl';
import { CASE_NOTIFICATION_LEVELS, isFollowing, type CaseNotifications } from '@portal/domain';
import type { RecordDoc } from './documents';

type Choices = Readonly<Record<string, boolean>>;

/**
 * Portal users who may follow the record (filter on portal_users): its creator, the users of its
 * contacts, and whoever chose to follow it. Undefined: nobody. The caller keeps `followersAmong`.
 */
export function followerCandidateFilter(record: RecordDoc, choices: Choices): RecordFilter | undefined {
  const ids = Object.keys(choices).filter((id) => choices[id] === true);
  if (record.createdByPortalUserId) ids.push(record.createdByPortalUserId);
  const links: RecordFilter[] = [];
  if (ids.length > 0) links.push({ kind: 'in', path: 'id', values: [...new Set(ids)] });
  if (record.contactIds.length > 0) links.push({ kind: 'in', path: 'contactId', values: record.contactIds });
  return links.length > 0 ? or(...links) : undefined;
}

/** The candidates who follow the record now: their own choice, else the default (creator, contact). */
export function followersAmong<U extends { id: string; contactId: string | null }>(
  users: readonly U[],
  record: RecordDoc,
  choices: Choices,
): U[] {
  return users.filter((user) => isFollowing(choices, record, user));
}

/**
 * A portal user's case-email level from their stored preferences: `caseNotifications`, or for a
 * document written before it existed, the older switch (off: none, else every update).
 */
export function caseNotificationsOf(
  preferences: Readonly<Record<string, unknown>> | undefined,
): CaseNotifications {
  const level = preferences?.caseNotifications;
  if ((CASE_NOTIFICATION_LEVELS as readonly unknown[]).includes(level)) return level as CaseNotifications;
  return preferences?.notifyOnCaseUpdates === false ? 'none' : 'all';
}
