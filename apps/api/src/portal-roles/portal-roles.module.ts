import { Module } from '@nestjs/common';
import { CreatePortalRoleHandler } from './create-portal-role/create-portal-role.handler';
import { CreatePortalRoleHttp } from './create-portal-role/create-portal-role.http';
import { DeletePortalRoleHandler } from './delete-portal-role/delete-portal-role.handler';
import { DeletePortalRoleHttp } from './delete-portal-role/delete-portal-role.http';
import { GetPortalRoleHandler } from './get-portal-role/get-portal-role.handler';
import { GetPortalRoleHttp } from './get-portal-role/get-portal-role.http';
import { ListPortalRolesHandler } from './list-portal-roles/list-portal-roles.handler';
import { ListPortalRolesHttp } from './list-portal-roles/list-portal-roles.http';
import { LiveRoles } from './live-roles';
import { UpdatePortalRoleHandler } from './update-portal-role/update-portal-role.handler';
import { UpdatePortalRoleHttp } from './update-portal-role/update-portal-role.http';

/** Portal roles (admin): shared/API.md "Portal roles". */
@Module({
  controllers: [
    CreatePortalRoleHttp,
    ListPortalRolesHttp,
    GetPortalRoleHttp,
    UpdatePortalRoleHttp,
    DeletePortalRoleHttp,
  ],
  providers: [
    CreatePortalRoleHandler,
    UpdatePortalRoleHandler,
    DeletePortalRoleHandler,
    ListPortalRolesHandler,
    GetPortalRoleHandler,
    LiveRoles,
  ],
  exports: [LiveRoles],
})
export class PortalRolesModule {}
