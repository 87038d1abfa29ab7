import type { Actor } from '@portal/domain';
import type { ReadModelsAt } from './read-model-cache/checkpoint-cache';

export type StaffRole = 'admin' | 'agent' | 'auditor';

/** Who is calling, as established by authentication (set on request.user). */
export type Principal =
  | { kind: 'staff'; id: string; name: string; email: string; role: StaffRole }
  | {
      kind: 'portalUser';
      id: string;
      name: string;
      email: string;
      portalId: string;
      portalSlug: string;
      sessionId: string;
      /** Where the read models stood when the guard read the session: keys the cached access context. */
      readModelsAt?: ReadModelsAt;
      /**
       * The portal requires a consent version the user does not hold: the guard lets such a session
       * reach only the routes that accept consent, end the session or serve a data-subject right
       * (PortalUserAuth withoutConsent).
       */
      consentPending?: true;
    };

export function principalToActor(principal: Principal): Actor {
  return principal.kind === 'staff'
    ? { type: 'staff', id: principal.id, name: principal.name }
    : { type: 'portalUser', id: principal.id, name: principal.name, portalId: principal.portalId };
}
