import { Inject, Injectable } from '@nestjs/common';
import { OPERATIONAL } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../../infrastructure/tokens';
import { PasswordHasher } from './password-hasher';

export type CredentialOwner = { kind: 'staff'; id: string } | { kind: 'portalUser'; id: string };

interface CredentialDoc {
  [key: string]: unknown;
  id: string;
  hash: string;
  updatedAt: string;
}

function credentialId(owner: CredentialOwner): string {
  return `${owner.kind}:${owner.id}`;
}

/**
 * Password hashes in the operational `credentials` collection: never in an event, never logged,
 * never rebuilt. Events only say that a password was set.
 */
@Injectable()
export class CredentialStore {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly hasher: PasswordHasher,
  ) {}

  async ensureCollection(): Promise<void> {
    await this.store.ensureCollection(OPERATIONAL.credentials);
  }

  async setPassword(owner: CredentialOwner, password: string, now: Date): Promise<void> {
    const hash = await this.hasher.hash(password);
    await this.store.write((tx) =>
      tx.put(OPERATIONAL.credentials, { id: credentialId(owner), hash, updatedAt: now.toISOString() }),
    );
  }

  /** False for a wrong password and for an owner without credentials, in about the same time. */
  async verify(owner: CredentialOwner, password: string): Promise<boolean> {
    const doc = await this.store.get<CredentialDoc>(OPERATIONAL.credentials, credentialId(owner));
    if (doc === null) return this.hasher.verifyNothing(password);
    return this.hasher.verify(doc.hash, password);
  }

  /** Time-equalising check for a login whose email matched nobody. */
  verifyNothing(password: string): Promise<false> {
    return this.hasher.verifyNothing(password);
  }
}
