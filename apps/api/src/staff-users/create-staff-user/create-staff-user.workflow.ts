import type { CommandContext, StreamCommands } from '@portal/commands';
import {
  decideCreateStaffUser,
  decideSetStaffUserPassword,
  evolveStaffUser,
  initialStaffUserState,
  staffUserStream,
  type StaffUserEvent,
} from '@portal/domain';
import type { CredentialStore } from '../../auth/passwords/credential-store';
import type { UniqueValues } from '../../shared-streams/unique-values';
import type { CreateStaffUserBody } from '../staff-user.schemas';

/** What creating a staff user works on: the write path, email reservations, the password hashes. */
export interface CreateStaffUserPorts {
  commands: StreamCommands;
  uniques: Pick<UniqueValues, 'reserve' | 'release'>;
  credentials: Pick<CredentialStore, 'setPassword'>;
}

/**
 * Decided first against an empty state (an invalid user reserves nothing), then the email reserved
 * (`unique-staffUserEmail-<email>`, 409 email_taken when another holds it), the password hash
 * stored, then StaffUserCreated + StaffUserPasswordSet. Every step is safe to repeat for the same
 * id, so two bootstraps racing (or a retry) end with one admin. If the password or the user cannot
 * be stored, the email is released, but only when this call reserved it and the user does not exist
 * (a racing bootstrap under the same id keeps it); a hash stored for a user never appended is
 * harmless (nobody logs in as an id that does not exist) and a retry overwrites it.
 */
export async function createStaffUser(
  ports: CreateStaffUserPorts,
  body: CreateStaffUserBody,
  staffUserId: string,
  ctx: CommandContext,
): Promise<{ id: string }> {
  const { email, name, role, password } = body;
  const created = decideCreateStaffUser({ staffUserId, email, name, role }, initialStaffUserState);
  const reserved = await ports.uniques.reserve('staffUserEmail', email, staffUserId, ctx);
  try {
    await ports.credentials.setPassword({ kind: 'staff', id: staffUserId }, password, new Date(ctx.now));
    await appendCreation(ports.commands, staffUserId, created, ctx);
  } catch (error) {
    if (reserved && !(await existsNow(ports.commands, staffUserId))) {
      await ports.uniques.release('staffUserEmail', email, staffUserId, ctx).catch(() => undefined);
    }
    throw error;
  }
  return { id: staffUserId };
}

async function appendCreation(
  commands: StreamCommands,
  staffUserId: string,
  created: StaffUserEvent[],
  ctx: CommandContext,
): Promise<void> {
  await commands.handle(
    {
      stream: staffUserStream(staffUserId),
      evolve: evolveStaffUser,
      initialState: initialStaffUserState,
      decide: (state) => {
        // The same user, created by a racing bootstrap or an earlier try: nothing to add.
        if (state.exists) return [];
        const afterCreate = created.reduce(evolveStaffUser, state);
        return [...created, ...decideSetStaffUserPassword({ staffUserId }, afterCreate)];
      },
    },
    ctx,
  );
}

/** Whether the user exists now; unknown (the store failing) counts as existing, so the email stays held. */
async function existsNow(commands: StreamCommands, staffUserId: string): Promise<boolean> {
  try {
    const { state } = await commands.read(staffUserStream(staffUserId), {
      evolve: evolveStaffUser,
      initialState: initialStaffUserState,
    });
    return state.exists;
  } catch {
    return true;
  }
}
