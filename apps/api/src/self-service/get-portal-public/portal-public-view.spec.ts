import type { PortalDoc } from '@portal/read-models';
import { portalPublicSchema, portalPublicView } from './portal-public-view';

const actor = { type: 'staff' as const, id: 'staff-1', name: 'Admin' };

function portal(overrides: Partial<PortalDoc> = {}): PortalDoc {
  return {
    id: '5f0c6c1e-4d35-4a52-9d0a-3f2f4f1e9a11',
    name: 'Acme support',
    slug: 'acme',
    isActive: true,
    isDefault: false,
    url: 'http://localhost/portal/acme',
    customUrl: null,
    roleIds: ['role-1'],
    tabList: ['Case'],
    quickCreateList: ['Case'],
    dashboardLayout: [],
    defaultCaseAssigneeId: 'staff-2',
    recordCriteria: {},
    settings: {
      language: 'de_DE',
      timeZone: 'Europe/Berlin',
      dateFormat: 'DD.MM.YYYY',
      currency: 'EUR',
      tokenLifetimeMinutes: 60,
      idleTimeoutMinutes: 30,
      maxUsers: 10,
      shareLinkMaxDays: 30,
    },
    branding: { logoUrl: 'https://acme.test/logo.png', primaryColor: '#112233', companyName: 'Acme' },
    userCount: 3,
    createdAt: '2024-01-01T00:00:00.000Z',
    createdBy: actor,
    modifiedAt: '2024-01-01T00:00:00.000Z',
    modifiedBy: actor,
    revision: 4,
    ...overrides,
  };
}

describe('portalPublicView', () => {
  it('keeps only the name, slug, language and the named branding keys', () => {
    const view = portalPublicView(
      portal({ branding: { logoUrl: 'https://acme.test/logo.png', secretNote: 'staff only' } }),
    );
    expect(view).toEqual({
      slug: 'acme',
      name: 'Acme support',
      language: 'de_DE',
      branding: { logoUrl: 'https://acme.test/logo.png', primaryColor: null, companyName: null },
      consent: null,
    });
    expect(portalPublicSchema.safeParse(view).success).toBe(true);
  });

  it('names the consent version and its text when the portal requires one', () => {
    const base = portal();
    const view = portalPublicView(
      portal({ settings: { ...base.settings, consentVersion: 'v2', consentUrl: 'https://acme.test/terms' } }),
    );
    expect(view.consent).toEqual({ version: 'v2', url: 'https://acme.test/terms' });
    expect(portalPublicSchema.safeParse(view).success).toBe(true);
  });

  it('answers null for branding values that are missing or not text', () => {
    const view = portalPublicView(portal({ branding: { logoUrl: 42, primaryColor: undefined } }));
    expect(view.branding).toEqual({ logoUrl: null, primaryColor: null, companyName: null });
  });
});
