import type { EventActor, EventStore, NewEvent } from '@portal/event-store';

// A deterministic, realistic history for projector tests: staff, a custom entity type, roles,
// portals, accounts, contacts, portal users (invitations, deliveries, sign-ins) and records with
// updates, status changes, comments and deletions. Same seed, same events (ids included).

export interface Append {
  stream: string;
  events: NewEvent[];
}

export interface ScenarioSize {
  portals: number;
  accounts: number;
  contactsPerAccount: number;
  casesPerContact: number;
  /** Updates, status changes and comments per case. */
  activityPerCase: number;
}

export const SMALL_SCENARIO: ScenarioSize = {
  portals: 2,
  accounts: 4,
  contactsPerAccount: 2,
  casesPerContact: 2,
  activityPerCase: 3,
};

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class ScenarioBuilder {
  readonly appends: Append[] = [];
  readonly random: () => number;
  private clock = Date.parse('2026-01-01T00:00:00.000Z');

  constructor(seed: number) {
    this.random = prng(seed);
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  event(type: string, data: Record<string, unknown>, actor: EventActor): NewEvent {
    this.clock += 1_000;
    return {
      id: this.uuid(),
      type,
      version: 1,
      data,
      metadata: {
        actor,
        correlationId: this.uuid(),
        causationId: null,
        timestamp: new Date(this.clock).toISOString(),
      },
    };
  }

  append(stream: string, ...events: NewEvent[]): void {
    this.appends.push({ stream, events });
  }
}

const SETTINGS = {
  language: 'en_US',
  timeZone: 'UTC',
  dateFormat: 'YYYY-MM-DD',
  currency: 'USD',
  tokenLifetimeMinutes: 60,
  idleTimeoutMinutes: 30,
  maxUsers: null,
};

export function buildHistory(size: ScenarioSize, seed = 1): Append[] {
  const b = new ScenarioBuilder(seed);
  const adminId = b.uuid();
  const admin: EventActor = { type: 'staff', id: adminId, name: 'Ada Admin' };
  b.append(
    `staffUser-${adminId}`,
    b.event(
      'StaffUserCreated',
      { staffUserId: adminId, email: 'ada@corp.example', name: 'Ada Admin', role: 'admin' },
      admin,
    ),
    b.event('StaffUserPasswordSet', { staffUserId: adminId }, admin),
  );
  b.append(
    'entityType-Project',
    b.event(
      'EntityTypeDefined',
      {
        name: 'Project',
        fields: [{ name: 'name', type: 'string', required: true }],
        links: [
          { name: 'account', entityType: 'Account' },
          { name: 'contacts', entityType: 'Contact', many: true },
        ],
        accountLinks: ['account'],
        contactLinks: ['contacts'],
      },
      admin,
    ),
  );
  const roleId = b.uuid();
  const scopes = { Case: { create: 'yes', read: 'account', edit: 'own', stream: 'account' } };
  b.append(
    `portalRole-${roleId}`,
    b.event('PortalRoleCreated', { roleId, name: 'Customer', scopes, fields: {} }, admin),
    b.event(
      'PortalRoleChanged',
      { roleId, changes: { scopes: { from: scopes, to: { ...scopes, Project: { read: 'contact' } } } } },
      admin,
    ),
  );
  const portalIds: string[] = [];
  for (let p = 0; p < size.portals; p += 1) {
    const portalId = b.uuid();
    portalIds.push(portalId);
    const slug = `portal-${p}`;
    b.append(
      `portal-${portalId}`,
      b.event(
        'PortalCreated',
        {
          portalId,
          name: `Portal ${p}`,
          slug,
          url: `http://localhost/portal/${slug}`,
          customUrl: null,
          tabList: ['Case'],
          quickCreateList: ['Case'],
          dashboardLayout: [{ dashlet: 'RecentCases' }],
          defaultCaseAssigneeId: adminId,
          recordCriteria: {},
          settings: SETTINGS,
          branding: { logoUrl: null, primaryColor: null, companyName: null },
          isActive: true,
          isDefault: p === 0,
          roleIds: [],
        },
        admin,
      ),
      b.event('RoleAssigned', { target: 'portal', portalId, roleId }, admin),
      b.event(
        'PortalSettingsChanged',
        { portalId, changes: { tabList: { from: ['Case'], to: ['Case', 'Project'] } } },
        admin,
      ),
    );
  }

  for (let a = 0; a < size.accounts; a += 1) {
    const accountId = b.uuid();
    b.append(
      `record-Account-${accountId}`,
      b.event(
        'RecordCreated',
        { id: accountId, entityType: 'Account', fields: { name: `Account ${a}` } },
        admin,
      ),
    );
    const contactIds: string[] = [];
    for (let c = 0; c < size.contactsPerAccount; c += 1) {
      const contactId = b.uuid();
      contactIds.push(contactId);
      b.append(
        `record-Contact-${contactId}`,
        b.event(
          'RecordCreated',
          {
            id: contactId,
            entityType: 'Contact',
            fields: { firstName: 'C', lastName: `${a}-${c}`, email: `c${a}-${c}@example.com`, accountId },
          },
          admin,
        ),
      );
      const portalUserId = b.uuid();
      const portalId = b.pick(portalIds);
      const userActor: EventActor = { type: 'portalUser', id: portalUserId, name: `C ${a}-${c}`, portalId };
      const invitationId = b.uuid();
      const sent = b.event(
        'InvitationSent',
        {
          invitationId,
          portalId,
          tokenHash: `hash-${invitationId}`,
          expiresAt: '2027-01-01T00:00:00.000Z',
          resend: false,
        },
        admin,
      );
      b.append(
        `portalUser-${portalUserId}`,
        b.event(
          'PortalUserCreated',
          {
            portalUserId,
            email: `c${a}-${c}@example.com`,
            firstName: 'C',
            lastName: `${a}-${c}`,
            contactId,
            accountIds: [accountId],
            portalIds: [portalId],
            roleIds: [],
          },
          admin,
        ),
        sent,
      );
      b.append(`portal-${portalId}`, b.event('PortalSeatTaken', { portalId, portalUserId }, admin));
      const jobId = `invitation-${sent.id}`;
      const system: EventActor = {
        type: 'system',
        id: '00000000-0000-0000-0000-000000000000',
        name: 'mailer',
      };
      const delivered = b.chance(0.8);
      b.append(
        `emailDelivery-${jobId}`,
        delivered
          ? b.event(
              'EmailDelivered',
              {
                kind: 'invitation',
                to: `c${a}-${c}@example.com`,
                messageId: `<${jobId}@test>`,
                sourceEventId: sent.id,
                portalId,
                portalUserId,
              },
              system,
            )
          : b.event(
              'EmailDeliveryFailed',
              {
                kind: 'invitation',
                to: `c${a}-${c}@example.com`,
                reason: 'mailbox unavailable',
                permanent: true,
                attempts: 1,
                sourceEventId: sent.id,
                portalId,
                portalUserId,
              },
              system,
            ),
      );
      if (delivered) {
        const sessionId = b.uuid();
        const at = (): string =>
          new Date(
            Date.parse('2026-06-01T00:00:00.000Z') + Math.floor(b.chance(0.5) ? 1 : 2) * 1000,
          ).toISOString();
        b.append(
          `portalUser-${portalUserId}`,
          b.event('InvitationAccepted', { invitationId, portalId }, userActor),
          b.event('PortalUserPasswordSet', { reason: 'invitation' }, userActor),
          b.event(
            'PortalUserLoginFailed',
            { portalId, reason: 'bad_password', ip: '10.0.0.1', userAgent: 'test', at: at() },
            userActor,
          ),
          b.event(
            'PortalUserLoggedIn',
            { portalId, sessionId, ip: '10.0.0.1', userAgent: 'test', at: at() },
            userActor,
          ),
          b.event('PortalUserLoggedOut', { portalId, sessionId, reason: 'logout', at: at() }, userActor),
        );
      }
      for (let k = 0; k < size.casesPerContact; k += 1) {
        const caseId = b.uuid();
        const byUser = b.chance(0.5);
        const fields = {
          name: `Case ${a}-${c}-${k}`,
          status: 'New',
          priority: 'Normal',
          accountId,
          contactId,
          isInternal: false,
        };
        const events: NewEvent[] = [
          byUser
            ? b.event(
                'CaseCreatedByPortalUser',
                { id: caseId, entityType: 'Case', fields, portalId, portalUserId },
                userActor,
              )
            : b.event('RecordCreated', { id: caseId, entityType: 'Case', fields }, admin),
        ];
        let status = 'New';
        let name = fields.name;
        let account = accountId;
        for (let i = 0; i < size.activityPerCase; i += 1) {
          const roll = b.random();
          if (roll < 0.3) {
            const to = `${fields.name} (${i})`;
            events.push(
              b.event('RecordUpdated', { entityType: 'Case', changes: { name: { from: name, to } } }, admin),
            );
            name = to;
          } else if (roll < 0.4) {
            // Moves the case to another (made-up) account: its comments must follow.
            const to = b.uuid();
            events.push(
              b.event(
                'RecordUpdated',
                { entityType: 'Case', changes: { accountId: { from: account, to } } },
                admin,
              ),
            );
            account = to;
          } else if (roll < 0.6) {
            const to = b.pick(['Assigned', 'Pending', 'Closed']);
            events.push(b.event('CaseStatusChanged', { entityType: 'Case', from: status, to }, admin));
            status = to;
          } else {
            const internal = b.chance(0.3);
            events.push(
              b.event(
                'CommentPosted',
                { entityType: 'Case', commentId: b.uuid(), text: `note ${i}`, isInternal: internal },
                internal ? admin : userActor,
              ),
            );
          }
        }
        if (b.chance(0.05)) events.push(b.event('RecordDeleted', { entityType: 'Case' }, admin));
        b.append(`record-Case-${caseId}`, ...events);
      }
      if (b.chance(0.3)) {
        const projectId = b.uuid();
        b.append(
          `record-Project-${projectId}`,
          b.event(
            'RecordCreated',
            {
              id: projectId,
              entityType: 'Project',
              fields: { name: `Project ${a}-${c}`, accountId, contactIds: [contactId] },
            },
            admin,
          ),
        );
      }
    }
  }
  return b.appends;
}

export function eventCount(appends: readonly Append[]): number {
  return appends.reduce((n, a) => n + a.events.length, 0);
}

/** Appends the history in order (expected revision 'any': the scenario is the only writer). */
export async function appendHistory(store: EventStore, appends: readonly Append[]): Promise<void> {
  for (const { stream, events } of appends) await store.append(stream, events, 'any');
}
