/** Why an action is refused, first failing check first. */
export type RefusalReason =
  /** The user's session belongs to another portal. */
  | 'wrong_portal'
  /** The portal does not show this entity type. */
  | 'not_in_tab_list'
  /** The record is of another entity type than asked for. */
  | 'wrong_entity_type'
  | 'deleted'
  /** Internal records are never shown to portal users. */
  | 'internal'
  /** The portal's record criteria for the type exclude the record. */
  | 'record_criteria'
  /** A knowledge base article that is not published. */
  | 'not_published'
  /** A knowledge base article not published to this portal. */
  | 'not_in_portal'
  /** No role grants the action (level `no`, or create `no`). */
  | 'no_access'
  /** The granted level does not reach this record. */
  | 'level_too_narrow'
  /** Edit, delete and stream never reach beyond read. */
  | 'not_readable';

export const REFUSAL_MESSAGES: Readonly<Record<RefusalReason, string>> = {
  wrong_portal: 'The user is not signed in to this portal.',
  not_in_tab_list: "The portal's tab list does not include this entity type.",
  wrong_entity_type: 'The record is of another entity type.',
  deleted: 'The record is deleted.',
  internal: 'The record is internal and never shown to portal users.',
  record_criteria: "The portal's record criteria exclude the record.",
  not_published: 'The article is not published.',
  not_in_portal: 'The article is not published to this portal.',
  no_access: 'No role grants this action.',
  level_too_narrow: 'The granted level does not reach this record.',
  not_readable: 'The record is not readable, so no other action is allowed.',
};
