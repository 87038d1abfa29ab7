import { Module } from '@nestjs/common';
import { PortalRolesModule } from '../portal-roles/portal-roles.module';
import { PortalsModule } from '../portals/portals.module';
import { ActivatePortalUserHttp } from './activate-portal-user/activate-portal-user.http';
import { AssignPortalUserRoleHandler } from './assign-portal-user-role/assign-portal-user-role.handler';
import { AssignPortalUserRoleHttp } from './assign-portal-user-role/assign-portal-user-role.http';
import { BulkInviteHandler } from './bulk-invite/bulk-invite.handler';
import { BulkInviteHttp } from './bulk-invite/bulk-invite.http';
import { ChangePortalUserHandler } from './change-portal-user/change-portal-user.handler';
import { ClearSupportPeriodHttp } from './clear-support-period/clear-support-period.http';
import { ContactSnapshots } from './contact-snapshots';
import { CreatePortalUserHandler } from './create-portal-user/create-portal-user.handler';
import { CreatePortalUserHttp } from './create-portal-user/create-portal-user.http';
import { DeactivatePortalUserHandler } from './deactivate-portal-user/deactivate-portal-user.handler';
import { DeactivatePortalUserHttp } from './deactivate-portal-user/deactivate-portal-user.http';
import { EmailChangeIssuer } from './email-change-issuer';
import { ExistingPortalUsers } from './existing-portal-users';
import { ExplainAccessHandler } from './explain-access/explain-access.handler';
import { ExplainAccessHttp } from './explain-access/explain-access.http';
import { GetPortalUserHandler } from './get-portal-user/get-portal-user.handler';
import { GetPortalUserHttp } from './get-portal-user/get-portal-user.http';
import { InvitationIssuer } from './invitation-issuer';
import { ListPortalUsersHandler } from './list-portal-users/list-portal-users.handler';
import { ListPortalUsersHttp } from './list-portal-users/list-portal-users.http';
import { LoginHistoryHandler } from './login-history/login-history.handler';
import { LoginHistoryHttp } from './login-history/login-history.http';
import { PortalUserSessions } from './portal-user-sessions';
import { RemoveFromPortalHandler } from './remove-from-portal/remove-from-portal.handler';
import { RemoveFromPortalHttp } from './remove-from-portal/remove-from-portal.http';
import { RequestEmailChangeHandler } from './request-email-change/request-email-change.handler';
import { RequestEmailChangeHttp } from './request-email-change/request-email-change.http';
import { SendInvitationHandler } from './send-invitation/send-invitation.handler';
import { SendInvitationHttp } from './send-invitation/send-invitation.http';
import { SetSupportPeriodHttp } from './set-support-period/set-support-period.http';
import { StaffEmailDomains } from './staff-email-domains';
import { SubjectRestrictions } from './subject-restrictions';
import { TransferPortalUserHandler } from './transfer-portal-user/transfer-portal-user.handler';
import { TransferPortalUserHttp } from './transfer-portal-user/transfer-portal-user.http';
import { UnassignPortalUserRoleHttp } from './unassign-portal-user-role/unassign-portal-user-role.http';

/** Portal users (admin): shared/API.md "Portal users (admin)" and the bulk invitations of a portal. */
@Module({
  imports: [PortalsModule, PortalRolesModule],
  controllers: [
    CreatePortalUserHttp,
    ListPortalUsersHttp,
    GetPortalUserHttp,
    LoginHistoryHttp,
    ExplainAccessHttp,
    SendInvitationHttp,
    BulkInviteHttp,
    DeactivatePortalUserHttp,
    ActivatePortalUserHttp,
    RemoveFromPortalHttp,
    TransferPortalUserHttp,
    AssignPortalUserRoleHttp,
    UnassignPortalUserRoleHttp,
    SetSupportPeriodHttp,
    ClearSupportPeriodHttp,
    RequestEmailChangeHttp,
  ],
  providers: [
    CreatePortalUserHandler,
    SendInvitationHandler,
    BulkInviteHandler,
    ChangePortalUserHandler,
    DeactivatePortalUserHandler,
    RemoveFromPortalHandler,
    TransferPortalUserHandler,
    AssignPortalUserRoleHandler,
    ListPortalUsersHandler,
    GetPortalUserHandler,
    LoginHistoryHandler,
    ExplainAccessHandler,
    RequestEmailChangeHandler,
    ContactSnapshots,
    ExistingPortalUsers,
    InvitationIssuer,
    EmailChangeIssuer,
    PortalUserSessions,
    StaffEmailDomains,
    SubjectRestrictions,
  ],
  exports: [PortalUserSessions],
})
export class PortalUsersModule {}
