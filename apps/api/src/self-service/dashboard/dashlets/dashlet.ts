import type { PortalAccess } from '../../../auth/portal-access';
import type { RecordDocuments } from '../../../records/record-documents';

/** What a dashlet computes its data from: the user's access (every query is scoped by it) and its options. */
export interface DashletInput {
  access: PortalAccess;
  records: RecordDocuments;
  options: Record<string, unknown>;
}

/** A dashlet's data; null when the user's roles hide a field the dashlet is about. */
export type Dashlet = (input: DashletInput) => Promise<unknown>;

const MAX_LIST = 20;

/** `options.limit` of a list dashlet: an integer from 1 to 20, else the default. */
export function listLimit(options: Record<string, unknown>, fallback: number): number {
  const limit = options.limit;
  return typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIST
    ? limit
    : fallback;
}
