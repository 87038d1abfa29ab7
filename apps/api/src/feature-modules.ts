import type { Type } from '@nestjs/common';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { StaffUsersModule } from './staff-users/staff-users.module';
import { SelfServiceModule } from './self-service/self-service.module';
import { RecordsModule } from './records/records.module';
import { WebModule } from './web/web.module';
import { EntityTypesModule } from './entity-types/entity-types.module';
import { PortalRolesModule } from './portal-roles/portal-roles.module';
import { PortalUsersModule } from './portal-users/portal-users.module';
import { PortalsModule } from './portals/portals.module';
import { ShareLinksModule } from './share-links/share-links.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ConsentModule } from './privacy/consent/consent.module';

/** The API's feature modules, one per area of shared/API.md. Add a module here to serve it. */
export const FEATURE_MODULES: Type[] = [
  AuditModule,
  AuthModule,
  StaffUsersModule,
  HealthModule,
  MetricsModule,
  WebModule,
  RecordsModule,
  SelfServiceModule,
  AttachmentsModule,
  PortalRolesModule,
  PortalsModule,
  PortalUsersModule,
  EntityTypesModule,
  ShareLinksModule,
  PrivacyModule,
  ConsentModule,
];
