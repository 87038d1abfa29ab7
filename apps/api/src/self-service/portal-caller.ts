import { Injectable } from '@nestjs/common';
import type { EntityTypeDefinition, PortalUserAccess } from '@portal/domain';
import type { Principal } from '../auth/principal';
import { PortalAccessResolver, type PortalAccess } from '../auth/portal-access';
import type { ReadModelsAt } from '../auth/read-model-cache/checkpoint-cache';
import { ProblemException } from '../http/problem';
import { EntityTypeDefinitions } from '../records/entity-type-definitions';

export type PortalUserPrincipal = Extract<Principal, { kind: 'portalUser' }>;

/**
 * What one portal user's request may reach, as the read models say at the request's start (a value
 * cached at that same checkpoint, or read afresh), so a role, tab-list or account change applies to
 * the very next request that finds the read models past it.
 */
@Injectable()
export class PortalCaller {
  constructor(
    private readonly resolver: PortalAccessResolver,
    private readonly definitions: EntityTypeDefinitions,
  ) {}

  access(principal: Principal | undefined): Promise<PortalAccess> {
    if (principal?.kind !== 'portalUser') {
      throw ProblemException.of(401, 'unauthorized', 'Portal token required.');
    }
    return this.resolver.resolve(principal.id, principal.portalId, principal.readModelsAt);
  }

  /**
   * The definition of a type the portal shows. A type it hides answers exactly like an unknown
   * one (404), so a portal user cannot learn which types exist behind the tab list.
   */
  async shownType(access: PortalAccess, entityType: string): Promise<EntityTypeDefinition> {
    const def = access.ctx.tabList.includes(entityType) ? await this.definitions.find(entityType) : null;
    if (!def)
      throw ProblemException.of(404, 'entity_type_not_found', `There is no entity type named ${entityType}.`);
    return def;
  }

  /** A type that exists, shown or not: creating a hidden type is refused by the domain (403). */
  definition(entityType: string): Promise<EntityTypeDefinition> {
    return this.definitions.require(entityType);
  }
}

/** Where the read models stood for a portal user's request (after a consistency-token wait: past it). */
export function readModelsAtOf(principal: Principal | undefined): ReadModelsAt | undefined {
  return principal?.kind === 'portalUser' ? principal.readModelsAt : undefined;
}

export function userAccess(access: PortalAccess): PortalUserAccess {
  return { ctx: access.ctx, perms: access.perms, user: access.user };
}
