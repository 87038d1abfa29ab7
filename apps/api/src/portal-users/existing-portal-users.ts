import { Inject, Injectable } from '@nestjs/common';
import { StreamCommands } from '@portal/commands';
import {
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserState,
} from '@portal/domain';
import { PortalUserDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../infrastructure/tokens';
import { UniqueValues } from '../shared-streams/unique-values';

/** Whether a contact or an email already belongs to a portal user. */
@Injectable()
export class ExistingPortalUsers {
  constructor(
    private readonly commands: StreamCommands,
    private readonly uniques: UniqueValues,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  /**
   * The contact's portal user: the read model finds one made from this contact; the holder of the
   * contact's email reservation (consistent, so a user created a moment ago counts) is checked too.
   */
  async forContact(contactId: string, email: string | null): Promise<string | null> {
    const { items } = await this.readStore.find<PortalUserDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portalUsers),
      { filter: { kind: 'eq', path: 'contactId', value: contactId }, limit: 1 },
    );
    if (items[0]) return items[0].id;
    if (email === null || email.trim() === '') return null;
    const owner = await this.uniques.ownerOf('portalUserEmail', email);
    if (owner === null) return null;
    const holder = await this.load(owner);
    return holder.contactId === contactId ? owner : null;
  }

  private async load(portalUserId: string): Promise<PortalUserState> {
    const { state } = await this.commands.read(portalUserStream(portalUserId), {
      evolve: evolvePortalUser,
      initialState: initialPortalUserState,
    });
    return state;
  }
}
