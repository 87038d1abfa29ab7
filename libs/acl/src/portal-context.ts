/** One condition of a portal's record criteria, on `fields.<field>` of a record. */
export interface Criterion {
  field: string;
  op: 'eq' | 'ne' | 'in' | 'notIn';
  value: unknown;
}

/** The portal a request is made in, as far as access is concerned. */
export interface PortalContext {
  portalId: string;
  /** Entity types the portal shows at all. */
  tabList: string[];
  /** Per entity type, conditions (ANDed) a record must meet to be exposed by this portal. */
  recordCriteria: Record<string, Criterion[]>;
}
