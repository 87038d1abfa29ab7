/** Who did something: named in every event's metadata and in every record's createdBy/modifiedBy. */
export type Actor =
  | { type: 'staff'; id: string; name: string }
  | { type: 'portalUser'; id: string; name: string; portalId: string }
  | { type: 'system'; id: string; name: string };

export const SYSTEM_ACTOR: Actor = {
  type: 'system',
  id: '00000000-0000-0000-0000-000000000000',
  name: 'system',
};
