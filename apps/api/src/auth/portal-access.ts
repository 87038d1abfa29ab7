import { Inject, Injectable } from '@nestjs/common';
import { mergeRoles, type AclUser, type EffectivePermissions, type PortalContext } from '@portal/acl';
import { PortalDoc, PortalRoleDoc, PortalUserDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../http/problem';
import { READ_STORE } from '../infrastructure/tokens';
import { portalContextOf, roleIdsOf } from './portal-access-inputs';
import { CheckpointCache, deepFrozen, type ReadModelsAt } from './read-model-cache/checkpoint-cache';

/** Everything the ACL needs to decide what one portal user may do in one portal. */
export interface PortalAccess {
  portal: PortalDoc;
  portalUser: PortalUserDoc;
  ctx: PortalContext;
  perms: EffectivePermissions;
  user: AclUser;
  /** The roles merged into `perms` (the portal's, then the user's own), deleted ones left out. */
  roles: PortalRoleDoc[];
}

type Doc<T> = T & Record<string, unknown>;

/**
 * Resolves a portal user's access in a portal from the read models. It does not judge whether the
 * user may use the portal at all (status, membership, support period): the PortalUserAuthGuard
 * did that for portal requests, and the admin explain endpoint wants an answer for any user.
 * 404 when the portal or the user is unknown.
 */
@Injectable()
export class PortalAccessResolver {
  /** Resolved access by user and portal, for requests at the same read-model checkpoint (CheckpointCache). */
  private readonly resolved = new CheckpointCache<PortalAccess>();

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  /**
   * `at`: where the read models stood when the request began (read with its session); without it
   * (the admin explain endpoint) the documents are read every time. The answer is shared between
   * requests, hence frozen.
   */
  async resolve(portalUserId: string, portalId: string, at?: ReadModelsAt): Promise<PortalAccess> {
    const key = `${portalUserId}\u0000${portalId}`;
    const known = this.resolved.get(key, at);
    if (known) return known;
    const access = deepFrozen(await this.read(portalUserId, portalId));
    this.resolved.set(key, access, at);
    return access;
  }

  private async read(portalUserId: string, portalId: string): Promise<PortalAccess> {
    const [portals, users, rolesCollection] = await Promise.all([
      this.names.collection(READ_MODELS.portals),
      this.names.collection(READ_MODELS.portalUsers),
      this.names.collection(READ_MODELS.portalRoles),
    ]);
    const [portal, portalUser] = await Promise.all([
      this.store.get<Doc<PortalDoc>>(portals, portalId),
      this.store.get<Doc<PortalUserDoc>>(users, portalUserId),
    ]);
    if (portal === null) throw ProblemException.of(404, 'portal_not_found', 'Portal not found.');
    if (portalUser === null)
      throw ProblemException.of(404, 'portal_user_not_found', 'Portal user not found.');
    const ids = roleIdsOf(portal, portalUser);
    const found =
      ids.length === 0
        ? []
        : (
            await this.store.find<Doc<PortalRoleDoc>>(rolesCollection, {
              filter: { kind: 'in', path: 'id', values: ids },
              limit: ids.length,
            })
          ).items;
    const byId = new Map(found.map((role) => [role.id, role]));
    const roles = ids
      .map((id) => byId.get(id))
      .filter((role): role is Doc<PortalRoleDoc> => role !== undefined && !role.deleted);
    const perms = mergeRoles(
      roles.map((r) => ({ id: r.id, name: r.name, scopes: r.scopes, fields: r.fields })),
    );
    return {
      portal,
      portalUser,
      ctx: portalContextOf(portal),
      perms,
      user: {
        portalUserId: portalUser.id,
        portalId: portal.id,
        contactId: portalUser.contactId,
        accountIds: [...portalUser.accountIds],
      },
      roles,
    };
  }
}
export { portalContextOf, roleIdsOf } from './portal-access-inputs';
