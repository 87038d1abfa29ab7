import type { CreatePortal, UpdatePortal } from './portal.commands';
import { DEFAULT_PORTAL_SETTINGS } from './portal.configuration';
import { decideCreatePortal, decideUpdatePortal } from './portal.decide';
import type { PortalCreated } from './portal.events';
import { given, problem, refusal } from './testing/portal.scenario';

const portalId = 'p-1';
// The contract's example body.
const create: CreatePortal = {
  portalId,
  name: 'Customer portal',
  slug: 'customers',
  url: 'http://localhost:3000/portal/customers',
  isActive: true,
  isDefault: true,
  roleIds: ['r-1'],
  tabList: ['Case', 'KnowledgeBaseArticle'],
  quickCreateList: ['Case'],
  dashboardLayout: [{ dashlet: 'OpenCasesByPriority' }],
  defaultCaseAssigneeId: 'staff-1',
  customUrl: null,
  recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
  settings: {
    language: 'en_US',
    timeZone: 'UTC',
    dateFormat: 'YYYY-MM-DD',
    currency: 'USD',
    tokenLifetimeMinutes: 60,
    idleTimeoutMinutes: 30,
    maxUsers: null,
  },
};
const created: PortalCreated = {
  type: 'PortalCreated',
  data: {
    portalId,
    name: 'Customer portal',
    slug: 'customers',
    url: 'http://localhost:3000/portal/customers',
    customUrl: null,
    tabList: ['Case', 'KnowledgeBaseArticle'],
    quickCreateList: ['Case'],
    dashboardLayout: [{ dashlet: 'OpenCasesByPriority' }],
    defaultCaseAssigneeId: 'staff-1',
    recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
    settings: DEFAULT_PORTAL_SETTINGS,
    branding: { logoUrl: null, primaryColor: null, companyName: null },
    isActive: true,
    isDefault: true,
    roleIds: ['r-1'],
  },
};

function update(patch: Omit<UpdatePortal, 'portalId'>): UpdatePortal {
  return { portalId, ...patch };
}

describe('decideCreatePortal', () => {
  it('creates the contract’s example portal', () => {
    expect(decideCreatePortal(create, given([]))).toEqual([created]);
  });

  it('emits an event a JSON round trip gives back unchanged: a dashlet without options has no options key', () => {
    const layout = [
      { dashlet: 'OpenCasesByPriority' as const },
      { dashlet: 'RecentCases' as const, options: { limit: 5 } },
    ];
    const [event] = decideCreatePortal({ ...create, dashboardLayout: layout }, given([]));
    // What the store keeps and a replay folds: the same event, so state after a replay is the state written.
    expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
    expect(event).toMatchObject({ data: { dashboardLayout: layout } });
  });

  it('fills defaults: active, not default, empty lists, default settings and branding', () => {
    const [event] = decideCreatePortal({ portalId, name: ' Minimal ', slug: 'min', url: 'u' }, given([]));
    expect(event).toEqual({
      type: 'PortalCreated',
      data: {
        portalId,
        name: 'Minimal',
        slug: 'min',
        url: 'u',
        customUrl: null,
        tabList: [],
        quickCreateList: [],
        dashboardLayout: [],
        defaultCaseAssigneeId: null,
        recordCriteria: {},
        settings: DEFAULT_PORTAL_SETTINGS,
        branding: { logoUrl: null, primaryColor: null, companyName: null },
        isActive: true,
        isDefault: false,
        roleIds: [],
      },
    });
  });

  it('merges partial settings and branding over the defaults and drops duplicate list entries', () => {
    const [event] = decideCreatePortal(
      {
        ...create,
        settings: { timeZone: 'Europe/Berlin', maxUsers: 10, idleTimeoutMinutes: undefined },
        branding: { primaryColor: '#123abc' },
        tabList: ['Case', 'Case'],
        roleIds: ['r-1', 'r-1'],
      },
      given([]),
    );
    expect(event?.type === 'PortalCreated' && event.data).toMatchObject({
      settings: { ...DEFAULT_PORTAL_SETTINGS, timeZone: 'Europe/Berlin', maxUsers: 10 },
      branding: { logoUrl: null, primaryColor: '#123abc', companyName: null },
      tabList: ['Case'],
      roleIds: ['r-1'],
    });
  });

  it('refuses a portal that already exists with portal_exists', () => {
    const error = refusal(() => decideCreatePortal(create, given([created])));
    expect([error.code, error.kind]).toEqual(['portal_exists', 'conflict']);
  });

  it.each<[string, Partial<CreatePortal>, string]>([
    ['invalid_portal_name', { name: '  ' }, 'name'],
    ['invalid_slug', { slug: 'Customers' }, 'slug'],
    ['invalid_slug', { slug: 'a' }, 'slug'],
    ['invalid_slug', { slug: 'x'.repeat(65) }, 'slug'],
    ['invalid_slug', { slug: 'cust_omers' }, 'slug'],
    ['invalid_slug', { slug: '3f2c1a9e-8b7d-4c6e-9f01-23456789abcd' }, 'slug'],
    ['invalid_portal_url', { url: '' }, 'url'],
    ['invalid_custom_url', { customUrl: 'javascript:alert(1)' }, 'customUrl'],
    ['invalid_tab', { tabList: ['case'], quickCreateList: [] }, 'tabList.0'],
    ['quick_create_not_in_tabs', { quickCreateList: ['Document'] }, 'quickCreateList.0'],
    [
      'invalid_dashlet',
      { dashboardLayout: [{ dashlet: 'Weather' as 'RecentCases' }] },
      'dashboardLayout.0.dashlet',
    ],
    [
      'invalid_dashlet',
      { dashboardLayout: [{ dashlet: 'RecentCases', options: [] as unknown as Record<string, unknown> }] },
      'dashboardLayout.0.options',
    ],
    ['invalid_default_assignee', { defaultCaseAssigneeId: '' }, 'defaultCaseAssigneeId'],
    [
      'invalid_record_criteria',
      { recordCriteria: { Case: [{ field: 'status', op: 'in', value: 'Open' as unknown as string[] }] } },
      'recordCriteria.Case.0',
    ],
    [
      'invalid_record_criteria',
      { recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: [['x']] as unknown as string[] }] } },
      'recordCriteria.Case.0',
    ],
    [
      'invalid_record_criteria',
      { recordCriteria: { Case: [{ field: 'status', op: 'eq', value: ['Open'] as unknown as string }] } },
      'recordCriteria.Case.0',
    ],
    [
      'invalid_record_criteria',
      { recordCriteria: { Case: [{ field: 'status', op: 'like' as 'eq', value: 'Open' }] } },
      'recordCriteria.Case.0',
    ],
    [
      'invalid_record_criteria',
      { recordCriteria: { Case: [{ field: '__proto__', op: 'eq', value: 1 }] } },
      'recordCriteria.Case.0',
    ],
    [
      'invalid_record_criteria',
      { recordCriteria: { case: [{ field: 'status', op: 'eq', value: 1 }] } },
      'recordCriteria.case',
    ],
    ['invalid_language', { settings: { language: 'English' } }, 'settings.language'],
    ['invalid_time_zone', { settings: { timeZone: 'Mars/Olympus' } }, 'settings.timeZone'],
    ['invalid_time_zone', { settings: { timeZone: '+01:00' } }, 'settings.timeZone'],
    ['invalid_date_format', { settings: { dateFormat: 'D M Y' } }, 'settings.dateFormat'],
    ['invalid_currency', { settings: { currency: 'usd' } }, 'settings.currency'],
    ['invalid_token_lifetime', { settings: { tokenLifetimeMinutes: 4 } }, 'settings.tokenLifetimeMinutes'],
    [
      'invalid_token_lifetime',
      { settings: { tokenLifetimeMinutes: 43_201 } },
      'settings.tokenLifetimeMinutes',
    ],
    ['invalid_token_lifetime', { settings: { tokenLifetimeMinutes: 60.5 } }, 'settings.tokenLifetimeMinutes'],
    ['invalid_idle_timeout', { settings: { idleTimeoutMinutes: 0 } }, 'settings.idleTimeoutMinutes'],
    ['invalid_idle_timeout', { settings: { idleTimeoutMinutes: 10_081 } }, 'settings.idleTimeoutMinutes'],
    ['invalid_max_users', { settings: { maxUsers: 0 } }, 'settings.maxUsers'],
    ['invalid_branding', { branding: { logoUrl: 'javascript:alert(1)' } }, 'branding.logoUrl'],
    ['invalid_branding', { branding: { primaryColor: 'red;}body{display:none' } }, 'branding.primaryColor'],
    ['invalid_branding', { branding: { companyName: 'x'.repeat(201) } }, 'branding.companyName'],
    ['invalid_role_id', { roleIds: [''] }, 'roleIds.0'],
  ])('refuses with %s (%j)', (code, patch, path) => {
    const error = refusal(() => decideCreatePortal({ ...create, ...patch }, given([])));
    expect([error.code, error.kind]).toEqual([code, 'invalid']);
    expect(error.errors.map((e) => e.path)).toContain(path);
  });

  it('accepts the range limits and an idle timeout above the token lifetime', () => {
    for (const settings of [
      { tokenLifetimeMinutes: 5, idleTimeoutMinutes: 10_080, maxUsers: 1 },
      { tokenLifetimeMinutes: 43_200, idleTimeoutMinutes: 1, maxUsers: null },
    ]) {
      expect(decideCreatePortal({ ...create, settings }, given([]))).toHaveLength(1);
    }
  });

  it('lists every problem at once, with the first one’s code', () => {
    const error = refusal(() =>
      decideCreatePortal({ ...create, slug: 'X', settings: { currency: 'usd', maxUsers: -1 } }, given([])),
    );
    expect(error.code).toBe('invalid_slug');
    expect(error.errors.map((e) => e.path)).toEqual(['slug', 'settings.currency', 'settings.maxUsers']);
  });
});

describe('decideUpdatePortal', () => {
  it('emits nothing when nothing changed', () => {
    const state = given([created]);
    expect(decideUpdatePortal(update({}), state)).toEqual([]);
    expect(
      decideUpdatePortal(
        update({
          name: 'Customer portal',
          slug: 'customers',
          isActive: true,
          isDefault: true,
          roleIds: ['r-1'],
          tabList: ['Case', 'KnowledgeBaseArticle'],
          settings: { timeZone: 'UTC' },
          recordCriteria: { Case: [{ value: ['Internal review'], op: 'notIn', field: 'status' }] },
        }),
        state,
      ),
    ).toEqual([]);
  });

  it('renames', () => {
    expect(decideUpdatePortal(update({ name: 'Help centre' }), given([created]))).toEqual([
      { type: 'PortalRenamed', data: { portalId, from: 'Customer portal', to: 'Help centre' } },
    ]);
  });

  it('changes the slug together with its url', () => {
    expect(
      decideUpdatePortal(update({ slug: 'help', url: 'http://x/portal/help' }), given([created])),
    ).toEqual([
      {
        type: 'PortalSlugChanged',
        data: {
          portalId,
          from: 'customers',
          to: 'help',
          url: { from: 'http://localhost:3000/portal/customers', to: 'http://x/portal/help' },
        },
      },
    ]);
  });

  it('tells the other changes that come with a new slug as settings changes', () => {
    const events = decideUpdatePortal(
      update({ slug: 'help', url: 'http://x/portal/help', tabList: ['Case'] }),
      given([created]),
    );
    expect(events.map((event) => event.type)).toEqual(['PortalSlugChanged', 'PortalSettingsChanged']);
    expect(events[1]).toEqual({
      type: 'PortalSettingsChanged',
      data: { portalId, changes: { tabList: { from: ['Case', 'KnowledgeBaseArticle'], to: ['Case'] } } },
    });
  });

  it('refuses a new slug without its url with portal_url_missing', () => {
    const error = refusal(() => decideUpdatePortal(update({ slug: 'help' }), given([created])));
    expect([error.code, error.kind]).toEqual(['portal_url_missing', 'invalid']);
  });

  it('tells that a new slug needs its url, and takes the current slug without one', () => {
    expect(problem(() => decideUpdatePortal(update({ slug: 'help' }), given([created])))).toEqual({
      code: 'portal_url_missing',
      kind: 'invalid',
      message: 'A new slug needs its new url',
      errors: [{ path: 'url', message: 'is required when the slug changes' }],
    });
    expect(decideUpdatePortal(update({ slug: 'customers' }), given([created]))).toEqual([]);
  });

  it('tells that the portal exists already', () => {
    expect(problem(() => decideCreatePortal(create, given([created]))).message).toBe('Portal already exists');
  });

  it('tells only the changed settings and branding keys, with from and to', () => {
    expect(
      decideUpdatePortal(
        update({
          settings: { timeZone: 'Europe/Paris', language: 'en_US', maxUsers: 5 },
          branding: { companyName: 'Acme' },
          quickCreateList: [],
          customUrl: 'https://help.acme.test',
        }),
        given([created]),
      ),
    ).toEqual([
      {
        type: 'PortalSettingsChanged',
        data: {
          portalId,
          changes: {
            customUrl: { from: null, to: 'https://help.acme.test' },
            quickCreateList: { from: ['Case'], to: [] },
            'settings.timeZone': { from: 'UTC', to: 'Europe/Paris' },
            'settings.maxUsers': { from: null, to: 5 },
            'branding.companyName': { from: null, to: 'Acme' },
          },
        },
      },
    ]);
  });

  it('clears a nullable value with null', () => {
    expect(decideUpdatePortal(update({ defaultCaseAssigneeId: null }), given([created]))).toEqual([
      {
        type: 'PortalSettingsChanged',
        data: { portalId, changes: { defaultCaseAssigneeId: { from: 'staff-1', to: null } } },
      },
    ]);
  });

  it('tells a new url without a new slug as a settings change', () => {
    expect(
      decideUpdatePortal(update({ url: 'https://p.example/portal/customers' }), given([created])),
    ).toEqual([
      {
        type: 'PortalSettingsChanged',
        data: {
          portalId,
          changes: {
            url: { from: 'http://localhost:3000/portal/customers', to: 'https://p.example/portal/customers' },
          },
        },
      },
    ]);
  });

  it('turns a new roleIds list into RoleAssigned and RoleUnassigned events', () => {
    expect(decideUpdatePortal(update({ roleIds: ['r-2', 'r-3'] }), given([created]))).toEqual([
      { type: 'RoleAssigned', data: { target: 'portal', portalId, roleId: 'r-2' } },
      { type: 'RoleAssigned', data: { target: 'portal', portalId, roleId: 'r-3' } },
      { type: 'RoleUnassigned', data: { target: 'portal', portalId, roleId: 'r-1' } },
    ]);
  });

  it('deactivates, activates, unsets and makes default', () => {
    const deactivatedUndefaulted = decideUpdatePortal(
      update({ isActive: false, isDefault: false }),
      given([created]),
    );
    expect(deactivatedUndefaulted).toEqual([
      { type: 'PortalDeactivated', data: { portalId } },
      { type: 'PortalDefaultUnset', data: { portalId, replacedBy: null } },
    ]);
    const state = given([created, ...deactivatedUndefaulted]);
    expect(decideUpdatePortal(update({ isActive: true, isDefault: true }), state)).toEqual([
      { type: 'PortalActivated', data: { portalId } },
      { type: 'PortalMadeDefault', data: { portalId } },
    ]);
  });

  it('emits every kind of change of one PATCH in a stable order', () => {
    const types = decideUpdatePortal(
      update({
        name: 'N',
        slug: 'n-1',
        url: 'u2',
        settings: { currency: 'EUR' },
        roleIds: [],
        isActive: false,
        isDefault: false,
      }),
      given([created]),
    ).map((e) => e.type);
    expect(types).toEqual([
      'PortalRenamed',
      'PortalSlugChanged',
      'PortalSettingsChanged',
      'RoleUnassigned',
      'PortalDeactivated',
      'PortalDefaultUnset',
    ]);
  });

  it('checks the portal as it would be: dropping a tab still in quickCreateList is refused', () => {
    const error = refusal(() =>
      decideUpdatePortal(update({ tabList: ['KnowledgeBaseArticle'] }), given([created])),
    );
    expect(error.code).toBe('quick_create_not_in_tabs');
    expect(
      decideUpdatePortal(
        update({ tabList: ['KnowledgeBaseArticle'], quickCreateList: [] }),
        given([created]),
      ),
    ).toHaveLength(1);
  });

  it('refuses bad values as create does', () => {
    expect(
      refusal(() => decideUpdatePortal(update({ settings: { timeZone: 'Nowhere' } }), given([created]))).code,
    ).toBe('invalid_time_zone');
    expect(refusal(() => decideUpdatePortal(update({ slug: '-', url: 'u' }), given([created]))).code).toBe(
      'invalid_slug',
    );
    expect(refusal(() => decideUpdatePortal(update({ name: '' }), given([created]))).code).toBe(
      'invalid_portal_name',
    );
  });

  it('refuses a portal never created with portal_not_found', () => {
    const error = refusal(() => decideUpdatePortal(update({ name: 'X' }), given([])));
    expect([error.code, error.kind]).toEqual(['portal_not_found', 'not-found']);
  });
});
