/** The generation verify replays into: live generations start at 1, so 0 is never served. */
export const SHADOW_GENERATION = 0;
