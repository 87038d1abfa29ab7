import { Injectable } from '@nestjs/common';
import { canShare } from '@portal/acl';
import type { RecordDoc } from '@portal/read-models';
import type { PortalAccess } from '../auth/portal-access';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../http/problem';
import { liveRecordOr404 } from '../records/live-record';
import { RecordDocuments } from '../records/record-documents';
import { PortalCaller } from '../self-service/portal-caller';
import { readableOr404 } from '../self-service/records/readable-record';

/** Which records a caller may make, list and revoke links of. */
@Injectable()
export class SharingAccess {
  constructor(
    private readonly records: RecordDocuments,
    private readonly caller: PortalCaller,
  ) {}

  /** Staff: any live record; an internal one cannot be shared with anyone outside (422). */
  async staffRecord(entityType: string, id: string, forSharing: boolean): Promise<RecordDoc> {
    const record = liveRecordOr404(await this.records.get(entityType, id));
    if (forSharing && record.isInternal) {
      throw ProblemException.of(422, 'record_internal', 'An internal record cannot be shared.');
    }
    return record;
  }

  /**
   * A portal user: 404 for a record they cannot read (as everywhere), and, to make a link, 403
   * `record_share_forbidden` where no role's `share` level reaches it.
   */
  async portalRecord(
    principal: Principal,
    entityType: string,
    id: string,
    forSharing: boolean,
  ): Promise<{ access: PortalAccess; record: RecordDoc }> {
    const access = await this.caller.access(principal);
    await this.caller.shownType(access, entityType);
    const record = readableOr404(await this.records.get(entityType, id), access);
    if (forSharing && !canShare(access.ctx, access.perms, access.user, record)) {
      throw ProblemException.of(403, 'record_share_forbidden', 'You may not share this record.');
    }
    return { access, record };
  }
}
