import { Module } from '@nestjs/common';
import { PortalRolesModule } from '../portal-roles/portal-roles.module';
import { AssignPortalRoleHandler } from './assign-portal-role/assign-portal-role.handler';
import { AssignPortalRoleHttp } from './assign-portal-role/assign-portal-role.http';
import { CreatePortalHandler } from './create-portal/create-portal.handler';
import { CreatePortalHttp } from './create-portal/create-portal.http';
import { DefaultPortalSwitch } from './default-portal-switch';
import { GetPortalHandler } from './get-portal/get-portal.handler';
import { GetPortalHttp } from './get-portal/get-portal.http';
import { ListPortalsHandler } from './list-portals/list-portals.handler';
import { ListPortalsHttp } from './list-portals/list-portals.http';
import { UnassignPortalRoleHandler } from './unassign-portal-role/unassign-portal-role.handler';
import { UnassignPortalRoleHttp } from './unassign-portal-role/unassign-portal-role.http';
import { UpdatePortalHandler } from './update-portal/update-portal.handler';
import { UpdatePortalHttp } from './update-portal/update-portal.http';

/** Portals (admin): shared/API.md "Portals". */
@Module({
  imports: [PortalRolesModule],
  controllers: [
    CreatePortalHttp,
    ListPortalsHttp,
    GetPortalHttp,
    UpdatePortalHttp,
    AssignPortalRoleHttp,
    UnassignPortalRoleHttp,
  ],
  providers: [
    CreatePortalHandler,
    UpdatePortalHandler,
    ListPortalsHandler,
    GetPortalHandler,
    AssignPortalRoleHandler,
    UnassignPortalRoleHandler,
    DefaultPortalSwitch,
  ],
})
export class PortalsModule {}
