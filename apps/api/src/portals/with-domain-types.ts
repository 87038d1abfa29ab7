import type { PortalDashlet, PortalRecordCriteria } from '@portal/domain';
import type { UpdatePortalBody } from './portal.schemas';

type Loose = Pick<UpdatePortalBody, 'dashboardLayout' | 'recordCriteria'>;
type Typed<T> = Omit<T, keyof Loose> & {
  dashboardLayout?: PortalDashlet[];
  recordCriteria?: PortalRecordCriteria;
};

/**
 * The body with its dashlets and criteria in the domain's types. Zod checked their shape; dashlet
 * names and which ops take lists are business rules the Portal decider checks (422).
 */
export function withDomainTypes<T extends Loose>(body: T): Typed<T> {
  return body as unknown as Typed<T>;
}
