import type { Actor } from '@portal/domain';

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
    };

export function principalToActor(principal: Principal): Actor {
  return principal.kind === 'staff'
    ? { type: 'staff', id: principal.id, name: principal.name }
    : { type: 'portalUser', id: principal.id, name: principal.name, portalId: principal.portalId };
}
