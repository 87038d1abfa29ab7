// What every HTTP load of the bench starts from: the scale's accounts, the projector caught up,
// and a portal whose users are logged in (their tokens in the fixture).
import type { PortalFixture } from './bench-messages';
import type { BenchScale } from './bench-scale';
import type { ServiceChild } from './service-child';

export async function seedPortalFixture(service: ServiceChild, scale: BenchScale): Promise<PortalFixture> {
  await service.request('seedAccounts', { count: scale.accounts });
  await service.request('catchUp', {});
  return service.request<'portalUsers', PortalFixture>('portalUsers', { count: scale.portalUsers });
}
