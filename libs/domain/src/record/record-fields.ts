/** A field's value as stored: plain JSON (strings, numbers, booleans, id lists, null to clear). */
export type FieldValue = unknown;
export type RecordFields = Record<string, FieldValue>;
