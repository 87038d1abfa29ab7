import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR, normaliseStaffUserEmail } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import type { ServiceConfig } from '@portal/platform';
import { CommandContext } from '@portal/commands';
import { EVENT_STORE, SERVICE_CONFIG } from '../../infrastructure/tokens';
import { passwordProblems } from '../../auth/passwords/password-policy';
import { CreateStaffUserHandler } from '../create-staff-user/create-staff-user.handler';
import { CreateStaffUserCommand } from '../create-staff-user/create-staff-user.command';
import { bootstrapAdminId } from './bootstrap-admin-id';

/**
 * BOOTSTRAP_ADMIN_EMAIL/PASSWORD: creates the first admin when no staff user exists. Idempotent
 * across restarts (skipped once a staff user exists) and across processes starting together (the
 * id and the command id are derived from the email, so their appends are the same events and the
 * email reservation lets only that id through).
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    // Called directly: the command bus may not have its handlers registered yet at bootstrap.
    private readonly createStaffUser: CreateStaffUserHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (admin === undefined) return;
    const existing = await this.events.readAll({ filter: { eventTypes: ['StaffUserCreated'] }, limit: 1 });
    if (existing.length > 0) return;
    if (passwordProblems(admin.password).length > 0) {
      this.logger.warn('BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy; change it soon');
    }
    const email = normaliseStaffUserEmail(admin.email);
    const id = bootstrapAdminId(email);
    const ctx = new CommandContext(SYSTEM_ACTOR, { commandId: `bootstrap-admin:${email}` });
    await this.createStaffUser.execute(
      new CreateStaffUserCommand(
        { email, name: 'Administrator', password: admin.password, role: 'admin' },
        ctx,
        id,
      ),
    );
    this.logger.log(`Bootstrap admin ${email} is ready`);
  }
}
