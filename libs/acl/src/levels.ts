/**
 * Portal role levels. A record-level access level is one of five, ordered from narrowest to
 * widest; each wider level reaches every record the narrower ones reach.
 */
export const ACCESS_LEVELS = ['no', 'own', 'contact', 'account', 'all'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const CREATE_LEVELS = ['yes', 'no'] as const;
export type CreateLevel = (typeof CREATE_LEVELS)[number];

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

export const ACTIONS = ['create', 'read', 'edit', 'delete', 'stream', 'share'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The actions that apply to an existing record and carry an AccessLevel. `share` (make a share link
 * for someone without an account) came later: a role stored without it grants `no`, as for any
 * missing action, so old role events keep their meaning.
 */
export const RECORD_ACTIONS = ['read', 'edit', 'delete', 'stream', 'share'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

function oneOf<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isAccessLevel = oneOf(ACCESS_LEVELS);
export const isCreateLevel = oneOf(CREATE_LEVELS);
export const isYesNo = oneOf(YES_NO);
export const isAction = oneOf(ACTIONS);
export const isRecordAction = oneOf(RECORD_ACTIONS);

/** Position of a level in the order no < own < contact < account < all. */
export function levelRank(level: AccessLevel): number {
  return ACCESS_LEVELS.indexOf(level);
}

/** The wider of two levels. */
export function widest(a: AccessLevel, b: AccessLevel): AccessLevel {
  // Stryker disable next-line EqualityOperator: equal ranks mean the same level, so a and b are interchangeable.
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** True when `level` reaches at least as far as `atLeast`. */
export function includesLevel(level: AccessLevel, atLeast: AccessLevel): boolean {
  return levelRank(level) >= levelRank(atLeast);
}
