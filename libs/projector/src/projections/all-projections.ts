import { AGGREGATE_STATES_COLLECTION } from './aggregate-states';
import { attachmentsProjection } from './attachments.projection';
import { commentsProjection } from './comments.projection';
import { consentsProjection } from './consents.projection';
import { emailDeliveriesProjection } from './email-deliveries.projection';
import { erasureProjection } from './erasure.projection';
import { entityTypesProjection } from './entity-types.projection';
import { loginHistoryProjection } from './login-history.projection';
import { portalRolesProjection } from './portal-roles.projection';
import { portalUsersProjection } from './portal-users.projection';
import { personalDataStreamsProjection } from './personal-data-streams.projection';
import { portalsProjection } from './portals.projection';
import type { CollectionSpec, Projection } from './projection';
import { recordFollowersProjection } from './record-followers.projection';
import { recordsProjection } from './records.projection';
import { shareLinksProjection } from './share-links.projection';
import { signInRetentionProjection } from './sign-in-retention.projection';
import { staffUsersProjection } from './staff-users.projection';

/**
 * Every projection, in the order each event goes through them: entity types before records (a
 * record needs its type's links), records before comments (comments copy the record's links).
 */
export const ALL_PROJECTIONS: readonly Projection[] = [
  entityTypesProjection,
  portalsProjection,
  portalRolesProjection,
  staffUsersProjection,
  portalUsersProjection,
  recordsProjection,
  personalDataStreamsProjection,
  commentsProjection,
  attachmentsProjection,
  loginHistoryProjection,
  emailDeliveriesProjection,
  shareLinksProjection,
  recordFollowersProjection,
  consentsProjection,
  signInRetentionProjection,
  // Last: patches what the others wrote when a data subject is erased.
  erasureProjection,
];

/** The collections of a generation: every read model and the projector's aggregate states. */
export function generationCollections(
  projections: readonly Projection[] = ALL_PROJECTIONS,
): CollectionSpec[] {
  return [AGGREGATE_STATES_COLLECTION, ...projections.flatMap((p) => p.collections)];
}
