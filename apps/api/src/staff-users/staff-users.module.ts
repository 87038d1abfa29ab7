import { Module } from '@nestjs/common';
import { BootstrapAdmin } from './bootstrap-admin/bootstrap-admin';
import { CreateStaffUserHandler } from './create-staff-user/create-staff-user.handler';
import { CreateStaffUserHttp } from './create-staff-user/create-staff-user.http';
import { GetStaffUserHandler } from './get-staff-user/get-staff-user.handler';
import { GetStaffUserHttp } from './get-staff-user/get-staff-user.http';
import { ListStaffUsersHandler } from './list-staff-users/list-staff-users.handler';
import { ListStaffUsersHttp } from './list-staff-users/list-staff-users.http';

/** Staff users: create (admin), list and read (admin), and the bootstrap admin on start. */
@Module({
  controllers: [CreateStaffUserHttp, ListStaffUsersHttp, GetStaffUserHttp],
  providers: [CreateStaffUserHandler, ListStaffUsersHandler, GetStaffUserHandler, BootstrapAdmin],
})
export class StaffUsersModule {}
