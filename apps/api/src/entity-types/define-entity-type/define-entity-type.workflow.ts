import type { CommandContext, StreamCommands } from '@portal/commands';
import {
  decideDefineEntityType,
  entityTypeStream,
  evolveEntityType,
  initialEntityTypeState,
} from '@portal/domain';
import type { UniqueValues } from '../../shared-streams/unique-values';
import type { DefineEntityTypeBody } from '../entity-type.schemas';

/** What defining a type works on: the write path, name reservations, the custom types known so far. */
export interface DefineEntityTypePorts {
  commands: StreamCommands;
  uniques: Pick<UniqueValues, 'reserve' | 'release'>;
  /** The names of the custom types defined so far (a definition's links may point at them). */
  knownCustomTypes: () => Promise<string[]>;
}

/**
 * Decides with the custom types known so far (a refused definition reserves nothing), then
 * reserves the name case-insensitively (`unique-entityTypeName-<name>`: `Invoice` and `invoice`
 * are one name, 409 for the other), then appends EntityTypeDefined on `entityType-<Name>`. If the
 * definition is not appended (refused when decided again after a conflict, or the store fails),
 * the name is released, but only when this call reserved it and no definition of that name was
 * appended meanwhile (a parallel definition of the very same name that won keeps it).
 */
export async function defineEntityType(
  ports: DefineEntityTypePorts,
  body: DefineEntityTypeBody,
  ctx: CommandContext,
): Promise<{ id: string; name: string }> {
  const knownCustomTypes = await ports.knownCustomTypes();
  let reserved: boolean | undefined;
  try {
    await ports.commands.handle(
      {
        stream: entityTypeStream(body.name),
        evolve: evolveEntityType,
        initialState: initialEntityTypeState,
        decide: async (state) => {
          const events = decideDefineEntityType(
            { type: 'DefineEntityType', ...body },
            state,
            knownCustomTypes,
          );
          reserved ??= await ports.uniques.reserve('entityTypeName', body.name, body.name, ctx);
          return events;
        },
      },
      ctx,
    );
  } catch (error) {
    if (reserved && !(await definedNow(ports.commands, body.name))) {
      await ports.uniques.release('entityTypeName', body.name, body.name, ctx).catch(() => undefined);
    }
    throw error;
  }
  return { id: body.name, name: body.name };
}

/**
 * Whether the type is defined now. The reservation's owner is the name itself, so a parallel
 * definition of the very same name shares it: once either is appended the name must stay held.
 * Unknown (the store failing) counts as defined: a name held too long is safer than a type unheld.
 */
async function definedNow(commands: StreamCommands, name: string): Promise<boolean> {
  try {
    const { state } = await commands.read(entityTypeStream(name), {
      evolve: evolveEntityType,
      initialState: initialEntityTypeState,
    });
    return state.definition !== null;
  } catch {
    return true;
  }
}
