import type { PortalDashlet } from '../portal/portal.configuration';
import { created, given, refusalAfter, stateAfter } from './testing/portal-user.scenario';

const update = (changes: Record<string, unknown>) => ({ type: 'UpdatePortalUserProfile', changes }) as const;

describe('UpdatePortalUserProfile', () => {
  it('records only the fields that change, as from/to', () => {
    const outcome = given(created()).when(
      update({
        firstName: ' Janet ',
        lastName: 'Doe',
        phone: '+1 555 0100',
        language: 'de_DE',
        notifyOnCaseUpdates: false,
      }),
    );
    expect(outcome).toEqual({
      events: [
        {
          type: 'PortalUserProfileUpdated',
          data: {
            changes: {
              firstName: { from: 'Jane', to: 'Janet' },
              phone: { from: null, to: '+1 555 0100' },
              language: { from: null, to: 'de_DE' },
              notifyOnCaseUpdates: { from: true, to: false },
            },
          },
        },
      ],
    });
  });

  it('folds the changes into the state', () => {
    const updated = {
      type: 'PortalUserProfileUpdated',
      data: {
        changes: { lastName: { from: 'Doe', to: 'Roe' }, notifyOnCaseUpdates: { from: true, to: false } },
      },
    } as const;
    const state = stateAfter(created(), updated);
    expect(state.lastName).toBe('Roe');
    expect(state.firstName).toBe('Jane');
    expect(state.preferences).toEqual({
      language: null,
      notifyOnCaseUpdates: false,
      caseNotifications: 'none',
    });
  });

  it('clears phone and language with null or a blank string', () => {
    const past = [
      created(),
      {
        type: 'PortalUserProfileUpdated',
        data: { changes: { phone: { from: null, to: '123' }, language: { from: null, to: 'en_US' } } },
      } as const,
    ];
    expect(given(...past).when(update({ phone: '  ', language: null }))).toEqual({
      events: [
        {
          type: 'PortalUserProfileUpdated',
          data: { changes: { phone: { from: '123', to: null }, language: { from: 'en_US', to: null } } },
        },
      ],
    });
  });

  it('is a no-op when nothing changes', () => {
    expect(given(created()).when(update({ firstName: 'Jane', notifyOnCaseUpdates: true }))).toEqual({
      events: [],
    });
    expect(given(created()).when(update({}))).toEqual({ events: [] });
  });

  it('refuses fields a portal user may not change, each named (email points to the email-change flow)', () => {
    expect(
      given(created()).when(
        update({ firstName: 'X', email: 'x@y.org', roleIds: [], portalIds: [], status: 'active' }),
      ),
    ).toEqual({
      refused: {
        code: 'profile_field_not_editable',
        kind: 'forbidden',
        errors: [
          { path: 'email', message: 'change the email through the email-change flow' },
          { path: 'roleIds', message: 'not editable' },
          { path: 'portalIds', message: 'not editable' },
          { path: 'status', message: 'not editable' },
        ],
      },
    });
  });

  it.each(['contactId', 'accountIds', 'deactivated', 'hasPassword', 'id'])('refuses %s', (field) => {
    expect(given(created()).when(update({ [field]: null }))).toMatchObject({
      refused: { code: 'profile_field_not_editable' },
    });
  });

  it('refuses values of the wrong type', () => {
    expect(given(created()).when(update({ firstName: 3, notifyOnCaseUpdates: 'yes', phone: 5 }))).toEqual({
      refused: {
        code: 'invalid_profile',
        kind: 'invalid',
        errors: [
          { path: 'firstName', message: 'must be a string' },
          { path: 'notifyOnCaseUpdates', message: 'must be a boolean' },
          { path: 'phone', message: 'must be a string or null' },
        ],
      },
    });
  });

  it('sets the case-email level, and reads the older on/off switch as every update or none', () => {
    const own = given(created()).when(update({ caseNotifications: 'own' }));
    expect(own).toEqual({
      events: [
        {
          type: 'PortalUserProfileUpdated',
          data: { changes: { caseNotifications: { from: 'all', to: 'own' } } },
        },
      ],
    });
    const level = (changes: Record<string, { from: unknown; to: unknown }>) =>
      stateAfter(created(), { type: 'PortalUserProfileUpdated', data: { changes } } as never).preferences;
    expect(level({ caseNotifications: { from: 'all', to: 'own' } })).toMatchObject({
      caseNotifications: 'own',
      notifyOnCaseUpdates: true,
    });
    expect(level({ notifyOnCaseUpdates: { from: true, to: false } })).toMatchObject({
      caseNotifications: 'none',
      notifyOnCaseUpdates: false,
    });
    expect(given(created()).when(update({ caseNotifications: 'sometimes' }))).toMatchObject({
      refused: { code: 'invalid_profile', errors: [{ path: 'caseNotifications' }] },
    });
    // Already on (own): switching "on" again changes nothing.
    const ownUser = {
      type: 'PortalUserProfileUpdated',
      data: { changes: { caseNotifications: { from: 'all', to: 'own' } } },
    } as const;
    expect(given(created(), ownUser).when(update({ notifyOnCaseUpdates: true }))).toEqual({ events: [] });
  });

  it('refuses removing both names', () => {
    expect(given(created()).when(update({ firstName: '', lastName: ' ' }))).toMatchObject({
      refused: {
        code: 'invalid_profile',
        errors: [{ path: 'lastName', message: 'required when firstName is empty' }],
      },
    });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when(update({ firstName: 'X' }))).toMatchObject({
      refused: { code: 'portal_user_not_found' },
    });
  });
});

describe('SetPortalUserDashboardLayout', () => {
  const layout: PortalDashlet[] = [
    { dashlet: 'OpenCasesByPriority' },
    { dashlet: 'RecentCases', options: { limit: 5 } },
  ];
  const set = { type: 'PortalUserDashboardLayoutSet', data: { layout } } as const;

  it("sets the user's own layout, which overrides the portal's", () => {
    expect(given(created()).when({ type: 'SetPortalUserDashboardLayout', layout })).toEqual({
      events: [set],
    });
    expect(stateAfter(created(), set).dashboardLayout).toEqual(layout);
  });

  it("goes back to the portal's layout with null", () => {
    expect(given(created(), set).when({ type: 'SetPortalUserDashboardLayout', layout: null })).toEqual({
      events: [{ type: 'PortalUserDashboardLayoutSet', data: { layout: null } }],
    });
  });

  it('is a no-op for the same layout (key order aside)', () => {
    const same: PortalDashlet[] = [
      { dashlet: 'OpenCasesByPriority' },
      { options: { limit: 5 }, dashlet: 'RecentCases' },
    ];
    expect(given(created(), set).when({ type: 'SetPortalUserDashboardLayout', layout: same })).toEqual({
      events: [],
    });
    expect(given(created()).when({ type: 'SetPortalUserDashboardLayout', layout: null })).toEqual({
      events: [],
    });
  });

  it('refuses dashlets the portals do not have, and options that are not an object', () => {
    const bad = [
      { dashlet: 'RecentCases' },
      { dashlet: 'Weather' },
      { dashlet: 'Announcement', options: ['hi'] },
    ] as unknown as PortalDashlet[];
    expect(given(created()).when({ type: 'SetPortalUserDashboardLayout', layout: bad })).toEqual({
      refused: {
        code: 'invalid_dashlet',
        kind: 'invalid',
        errors: [
          {
            path: 'layout.1.dashlet',
            message: expect.stringContaining('must be one of OpenCasesByPriority'),
          },
          { path: 'layout.2.options', message: 'must be an object' },
        ],
      },
    });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when({ type: 'SetPortalUserDashboardLayout', layout: null })).toMatchObject({
      refused: { code: 'portal_user_not_found' },
    });
  });
});

describe('profile and layout: what each refusal tells', () => {
  it('tells that the fields may not be changed, or that the profile or layout is not valid', () => {
    expect(refusalAfter([created()], update({ status: 'x' }))).toMatchObject({
      code: 'profile_field_not_editable',
      message: 'A portal user may not change these fields.',
    });
    expect(refusalAfter([created()], update({ caseNotifications: 'some', language: 3 }))).toEqual({
      code: 'invalid_profile',
      kind: 'invalid',
      message: 'The profile is not valid.',
      errors: [
        { path: 'caseNotifications', message: 'must be one of all, own, none' },
        { path: 'language', message: 'must be a string or null' },
      ],
    });
    const layout = [
      { dashlet: 'Clock' },
      { dashlet: 'Announcement', options: null },
      { dashlet: 'RecentCases', options: 'x' },
    ] as unknown as PortalDashlet[];
    expect(refusalAfter([created()], { type: 'SetPortalUserDashboardLayout', layout })).toEqual({
      code: 'invalid_dashlet',
      kind: 'invalid',
      message: 'The dashboard layout is not valid.',
      errors: [
        {
          path: 'layout.0.dashlet',
          message:
            'must be one of OpenCasesByPriority, RecentCases, RecentKnowledgeBaseArticles, CaseResolutionTimeByPriority, Announcement',
        },
        { path: 'layout.1.options', message: 'must be an object' },
        { path: 'layout.2.options', message: 'must be an object' },
      ],
    });
  });

  it('reports a wrongly typed name alone, not also the missing names', () => {
    expect(refusalAfter([created()], update({ firstName: 3, lastName: '' })).errors).toEqual([
      { path: 'firstName', message: 'must be a string' },
    ]);
    // Even where the first name was empty already: the value sent is wrong, not missing.
    const noFirstName = [
      created(),
      {
        type: 'PortalUserProfileUpdated',
        data: { changes: { firstName: { from: 'Jane', to: '' } } },
      } as const,
    ];
    expect(refusalAfter(noFirstName, update({ firstName: 3, lastName: '' })).errors).toEqual([
      { path: 'firstName', message: 'must be a string' },
    ]);
  });

  it('keeps one name when the other is removed, trimming what it stores', () => {
    expect(given(created()).when(update({ firstName: '', phone: ' 555 ', language: ' de ' }))).toEqual({
      events: [
        {
          type: 'PortalUserProfileUpdated',
          data: {
            changes: {
              firstName: { from: 'Jane', to: '' },
              phone: { from: null, to: '555' },
              language: { from: null, to: 'de' },
            },
          },
        },
      ],
    });
    expect(given(created()).when(update({ lastName: ' ' }))).toMatchObject({
      events: [{ data: { changes: { lastName: { from: 'Doe', to: '' } } } }],
    });
  });

  it('takes a layout whose options are an object', () => {
    const layout = [{ dashlet: 'Announcement', options: { text: 'Hi' } }] as PortalDashlet[];
    expect(given(created()).when({ type: 'SetPortalUserDashboardLayout', layout })).toEqual({
      events: [{ type: 'PortalUserDashboardLayoutSet', data: { layout } }],
    });
  });
});
