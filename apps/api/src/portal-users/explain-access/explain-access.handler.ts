import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { explain } from '@portal/acl';
import { PortalUserDoc, READ_MODELS, ReadModelNames, RecordDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { PortalAccessResolver } from '../../auth/portal-access';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { ExplainAccessQuery, type AccessAnswer, type PortalAccessAnswer } from './explain-access.query';

/**
 * What the user may do with the record (or with records of the type, without `recordId`) in each
 * portal they belong to (or the one asked for): per action allowed, level, granting roles, and
 * the reason of a refusal, from the same ACL functions every portal request goes through.
 */
@QueryHandler(ExplainAccessQuery)
export class ExplainAccessHandler implements IQueryHandler<ExplainAccessQuery> {
  constructor(
    private readonly access: PortalAccessResolver,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ portalUserId, entityType, recordId, portalId }: ExplainAccessQuery): Promise<AccessAnswer> {
    const user = await this.readStore.get<PortalUserDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portalUsers),
      portalUserId,
    );
    if (user === null) throw ProblemException.of(404, 'portal_user_not_found', 'Portal user not found.');
    if (portalId !== undefined && !user.portalIds.includes(portalId)) {
      throw ProblemException.of(422, 'not_in_portal', 'The portal user is not a member of this portal.', [
        { path: '/query/portalId', message: 'not one of the user’s portals' },
      ]);
    }
    const record = recordId === undefined ? null : await this.record(entityType, recordId);
    const portals: PortalAccessAnswer[] = [];
    for (const id of portalId !== undefined ? [portalId] : user.portalIds) {
      const resolved = await this.access.resolve(portalUserId, id);
      portals.push({
        portalId: id,
        portalSlug: resolved.portal.slug,
        portalName: resolved.portal.name,
        portalIsActive: resolved.portal.isActive,
        roles: resolved.roles.map((r) => ({ id: r.id, name: r.name })),
        ...explain(resolved.ctx, resolved.perms, resolved.user, record, entityType),
      });
    }
    return { portalUserId, status: user.status, entityType, recordId: recordId ?? null, portals };
  }

  private async record(entityType: string, recordId: string): Promise<RecordDoc> {
    const doc = await this.readStore.get<RecordDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.records),
      recordId,
    );
    if (doc === null || doc.entityType !== entityType) {
      throw ProblemException.of(404, 'record_not_found', `No ${entityType} with this id.`);
    }
    return doc;
  }
}
