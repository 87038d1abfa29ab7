import { DomainError } from '../shared/domain-error';
import type { PortalState } from './portal.state';

export function assertPortalExists(state: PortalState): void {
  if (!state.exists) throw new DomainError('portal_not_found', 'Portal not found', 'not-found');
}
