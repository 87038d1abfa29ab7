/**
 * The id looked up when an email belongs to nobody: the nil UUID, which randomUUID() never draws,
 * so its streams and credentials never exist. Looking it up instead of skipping the look-ups keeps
 * the work of an unknown email (store reads, the argon2 verification) that of a known one.
 */
export const NO_ACCOUNT_ID = '00000000-0000-0000-0000-000000000000';
