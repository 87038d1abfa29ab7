import { Module } from '@nestjs/common';
import { PortalUsersModule } from '../../portal-users/portal-users.module';
import { DataSubjects } from '../data-subjects';
import { ConsentListHttp } from './consent-list.http';
import { MyConsentsHttp } from './my-consents.http';
import { RestrictionHttp } from '../restriction/restriction.http';

/**
 * Consent to a portal's terms and restriction of processing (shared/API.md "Privacy"); the consent
 * rule itself is in PortalUserAuthGuard, the restriction's in mayUsePortal and the mailer.
 */
@Module({
  imports: [PortalUsersModule],
  controllers: [MyConsentsHttp, ConsentListHttp, RestrictionHttp],
  providers: [DataSubjects],
})
export class ConsentModule {}
