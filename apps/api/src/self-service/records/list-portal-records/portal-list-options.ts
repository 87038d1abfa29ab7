import { isFieldReadable, readableFieldsKey, type EffectivePermissions } from '@portal/acl';
import type { EntityTypeDefinition } from '@portal/domain';
import { deepFrozen } from '../../../auth/read-model-cache/checkpoint-cache';
import type { ListQueryOptions } from '../../../http/list-query';
import { recordListOptions } from '../../../records/record-list-options';

/**
 * What a portal user's list of a type may be sorted and filtered by: the type's readable fields.
 * Made once per definition and readable-field set rather than per request. Exact: a definition
 * never changes once found (EntityTypeDefinitions keeps the same object), and readableFieldsKey
 * names precisely the fields isFieldReadable refuses (none at all when the type cannot be read).
 */
export class PortalListOptions {
  private readonly made = new WeakMap<EntityTypeDefinition, Map<string, ListQueryOptions>>();

  /** `def` is the definition of `entityType`, as PortalCaller.shownType found it. */
  of(def: EntityTypeDefinition, entityType: string, perms: EffectivePermissions): ListQueryOptions {
    let byReadable = this.made.get(def);
    if (byReadable === undefined) {
      byReadable = new Map();
      this.made.set(def, byReadable);
    }
    const readableKey = JSON.stringify([entityType, readableFieldsKey(perms, entityType)]);
    let options = byReadable.get(readableKey);
    if (options === undefined) {
      const readable = (field: string) => isFieldReadable(perms, entityType, field);
      // Shared by every request that asks alike (its default sort goes into their queries), hence frozen.
      options = deepFrozen(recordListOptions(def, readable, false));
      byReadable.set(readableKey, options);
    }
    return options;
  }
}
