import { Injectable } from '@nestjs/common';
import { StreamCommands } from '@portal/commands';
import {
  DomainError,
  evolvePortalRole,
  initialPortalRoleState,
  portalRoleStream,
  toRoleDefinition,
} from '@portal/domain';

/**
 * Checks that roles exist and are not deleted before a portal or portal user is given them, from
 * the roles' own streams (a role created a moment ago counts even if the read model lags).
 */
@Injectable()
export class LiveRoles {
  constructor(private readonly commands: StreamCommands) {}

  /**
   * 422 `role_not_found` listing the path of every unknown or deleted role. Roles in
   * `alreadyHeld` are not checked: re-sending a list that still names a since-deleted role is fine.
   */
  async assertLive(
    roleIds: readonly string[],
    path: string,
    alreadyHeld: readonly string[] = [],
  ): Promise<void> {
    const errors: { path: string; message: string }[] = [];
    await Promise.all(
      roleIds.map(async (roleId, i) => {
        if (alreadyHeld.includes(roleId)) return;
        const { state } = await this.commands.read(portalRoleStream(roleId), {
          evolve: evolvePortalRole,
          initialState: initialPortalRoleState,
        });
        if (toRoleDefinition(state) === null) {
          errors.push({ path: `${path}/${i}`, message: state.deleted ? 'role was deleted' : 'no such role' });
        }
      }),
    );
    if (errors.length > 0) {
      errors.sort((a, b) => a.path.localeCompare(b.path));
      throw new DomainError('role_not_found', 'Some roles do not exist or were deleted.', 'invalid', errors);
    }
  }
}
